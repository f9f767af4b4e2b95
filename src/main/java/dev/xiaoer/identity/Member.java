package dev.xiaoer.identity;

import dev.xiaoer.workspace.WorkspaceId;
import java.io.Serializable;

/** A user as a member of one workspace. */
public record Member(UserId userId, WorkspaceId workspace, String email, String displayName, Role role,
                     String locale) implements Serializable {
}
