package dev.xiaoer.agent.domain;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.kernel.InvalidInput;
import java.util.Set;

/**
 * Who may hand out which role. Agent management gives the roles of people who answer customers;
 * ownership and station staff are managed elsewhere. Signed-in users need to be admins (or the
 * owner) to create agents or change roles; API tokens are already limited by their write scope.
 */
public final class AgentRoles {

    public static final Set<Role> ASSIGNABLE = Set.of(Role.ADMIN, Role.SUPERVISOR, Role.AGENT);

    private AgentRoles() {
    }

    public static boolean mayManageRoles(Actor actor) {
        return switch (actor.type()) {
            case API_TOKEN, SYSTEM -> true;
            case USER -> actor.role() == Role.OWNER || actor.role() == Role.ADMIN;
            case CUSTOMER -> false;
        };
    }

    public static Role assignable(Role role) {
        if (!ASSIGNABLE.contains(role)) {
            throw new InvalidInput("role", "agent-role-not-assignable", role.name().toLowerCase(java.util.Locale.ROOT));
        }
        return role;
    }

    /** Members who answer customers: everyone but station staff. */
    public static boolean isAgent(Role role) {
        return role != Role.STATION_STAFF;
    }
}
