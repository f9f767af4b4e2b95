package dev.xiaoer.platform;

import dev.xiaoer.identity.Role;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A small control of a module's in the page shell's top bar, such as the agent's presence. The shell
 * loads it from {@link #path()} (an htmx fragment the module serves) on every page of the roles
 * named, in {@link #order()}; what it shows and does stays with the module.
 */
public record ShellWidget(String key, String path, int order, Set<Role> roles) {

    private static final Set<Role> AGENTS = EnumSet.of(Role.OWNER, Role.ADMIN, Role.SUPERVISOR, Role.AGENT);

    public ShellWidget {
        Objects.requireNonNull(key, "key");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A widget path starts with /: " + path);
        }
        roles = Set.copyOf(roles);
    }

    /** A widget for agents and everyone above them. */
    public static ShellWidget forAgents(String key, String path, int order) {
        return new ShellWidget(key, path, order, AGENTS);
    }

    public boolean isVisibleTo(Role role) {
        return role != null && roles.contains(role);
    }
}
