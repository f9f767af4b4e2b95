package dev.xiaoer.platform;

import dev.xiaoer.identity.Role;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An entry of the page shell's navigation. A module shows its pages by declaring a bean of this
 * type; the shell lists the entries of a section by {@link #order()} and shows each only to the
 * roles named in {@link #roles()}. The label is the message {@code nav.<key>}, kept in the
 * contributing module's bundle; {@link #icon()} is a Tabler icon name without the {@code ti-} prefix.
 *
 * <p>Main entries are the left navigation (Inbox 10, Tickets 20, Customers 30, Knowledge 40,
 * Reports 50). Admin entries are the tabs of the administration area; the left navigation shows
 * one "Admin" entry leading to the first admin tab the user may see.
 */
public record NavigationItem(Section section, String key, String path, String icon, int order, Set<Role> roles) {

    public enum Section { MAIN, ADMIN }

    private static final Set<Role> AGENTS = EnumSet.of(Role.OWNER, Role.ADMIN, Role.SUPERVISOR, Role.AGENT);
    private static final Set<Role> ADMINS = EnumSet.of(Role.OWNER, Role.ADMIN);

    public NavigationItem {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(icon, "icon");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A navigation path starts with /: " + path);
        }
        roles = Set.copyOf(roles);
    }

    /** A left-navigation entry for agents and everyone above them. */
    public static NavigationItem main(String key, String path, String icon, int order) {
        return new NavigationItem(Section.MAIN, key, path, icon, order, AGENTS);
    }

    /** A tab of the administration area, for admins and owners. */
    public static NavigationItem admin(String key, String path, String icon, int order) {
        return new NavigationItem(Section.ADMIN, key, path, icon, order, ADMINS);
    }

    /** The same entry, shown to exactly these roles. */
    public NavigationItem visibleTo(Role first, Role... more) {
        return new NavigationItem(section, key, path, icon, order, EnumSet.of(first, more));
    }

    public boolean isVisibleTo(Role role) {
        return role != null && roles.contains(role);
    }

    public String labelKey() {
        return "nav." + key;
    }

    /** Whether a request for this path belongs to this entry, so that the entry is shown as current. */
    public boolean matches(String requestPath) {
        if ("/".equals(path)) {
            return "/".equals(requestPath);
        }
        return requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
}
