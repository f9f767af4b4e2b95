package dev.xiaoer.agent;

import dev.xiaoer.identity.UserId;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;

/** A group of agents that tickets can be assigned to, such as "After-sales" or "English desk". */
public record Team(TeamId id, WorkspaceId workspace, String name, String description, Instant createdAt,
                   List<UserId> members) {
}
