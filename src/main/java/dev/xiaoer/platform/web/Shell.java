package dev.xiaoer.platform.web;

import dev.xiaoer.identity.Role;
import java.util.List;
import java.util.Locale;

/**
 * What the page shell shows around a signed-in user's page: the workspace, the user, and the
 * navigation entries this user may see, with the current one marked. Public so that templates
 * can read it.
 *
 * @param languageSetting the user's own language setting, {@code null} when it follows the browser
 * @param widgets         the paths of the {@link dev.xiaoer.platform.ShellWidget}s this user sees, in order
 */
public record Shell(String workspaceName, String userName, String userEmail, Role role, String languageSetting,
                    List<Link> navigation, List<Link> adminNavigation, String currentPath, List<String> widgets) {

    public record Link(String key, String labelKey, String path, String icon, boolean active) {
    }

    /** One or two letters for the avatar: the first letter of a Chinese name, the initials of a Latin one. */
    public String initials() {
        var name = userName == null ? "" : userName.strip();
        if (name.isEmpty()) {
            return "?";
        }
        var parts = name.split("\\s+");
        var first = parts[0].codePointAt(0);
        if (parts.length == 1 || !Character.isLetter(first) || Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN) {
            return new String(Character.toChars(first)).toUpperCase(Locale.ROOT);
        }
        var last = parts[parts.length - 1].codePointAt(0);
        return (new String(Character.toChars(first)) + new String(Character.toChars(last))).toUpperCase(Locale.ROOT);
    }

    public String roleKey() {
        return "role." + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean inAdminArea() {
        return adminNavigation.stream().anyMatch(Link::active);
    }
}
