package dev.xiaoer.knowledge;

import dev.xiaoer.workspace.WorkspaceId;

/** An article was published, or a published article was changed: what customers read is new. */
public record ArticlePublished(WorkspaceId workspace, ArticleId article) {
}
