package dev.xiaoer.agent;

import dev.xiaoer.identity.Role;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A workspace member who answers customers, with what routing needs to know: the languages they
 * speak, the product categories they know, how many conversations they can hold at once, and
 * whether they are there. {@code statusChangedAt} is {@code null} until their status first changes.
 */
public record Agent(UserId userId, WorkspaceId workspace, String email, String displayName, Role role, String locale,
                    Set<String> languages, Set<String> categories, int capacity, AgentStatus status,
                    Instant statusChangedAt, List<TeamMembership> teams) {

    /** A team the agent belongs to. */
    public record TeamMembership(TeamId id, String name) {
    }
}
