package dev.xiaoer.knowledge;

import dev.xiaoer.workspace.WorkspaceId;

/** A shelf of the help center; {@code parent} is {@code null} at the top of the tree. */
public record Category(CategoryId id, WorkspaceId workspace, CategoryId parent, String name, String slug,
                       int position) {
}
