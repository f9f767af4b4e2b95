package dev.xiaoer.knowledge;

import dev.xiaoer.workspace.WorkspaceId;

/** A published article was archived or turned back into a draft: customers no longer see it. */
public record ArticleWithdrawn(WorkspaceId workspace, ArticleId article) {
}
