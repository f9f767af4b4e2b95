package dev.xiaoer.identity.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Member;
import dev.xiaoer.identity.Role;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Who belongs to the workspace and with which role. Read-only for now. */
@Controller
class MemberAdminController {

    private final IdentityManagement identity;

    MemberAdminController(IdentityManagement identity) {
        this.identity = identity;
    }

    record MemberRow(String name, String email, Role role, String language, boolean you) {

        static MemberRow of(Member member, Actor viewer) {
            return new MemberRow(member.displayName(), member.email(), member.role(), languageName(member.locale()),
                    member.userId().value().equals(viewer.id()));
        }

        public String roleKey() {
            return "role." + key(role);
        }

        /** Owners and admins stand out; the rest share a calm colour. */
        public String roleBadge() {
            return switch (role) {
                case OWNER -> "bg-purple-lt";
                case ADMIN -> "bg-blue-lt";
                case SUPERVISOR -> "bg-teal-lt";
                case AGENT, STATION_STAFF -> "bg-secondary-lt";
            };
        }

        public String initials() {
            var trimmed = name.strip();
            return trimmed.isEmpty() ? "?" : new String(Character.toChars(trimmed.codePointAt(0))).toUpperCase(Locale.ROOT);
        }

        /** A language in its own name, as language pickers show it; {@code null} when following the browser. */
        private static String languageName(String tag) {
            if (tag == null) {
                return null;
            }
            var locale = Locale.forLanguageTag(tag);
            return locale.getDisplayLanguage(locale);
        }
    }

    @GetMapping("/admin/members")
    String members(Actor actor, Model model) {
        model.addAttribute("members", identity.members(actor.workspace()).stream()
                .map(member -> MemberRow.of(member, actor)).toList());
        model.addAttribute("roles", Arrays.stream(Role.values()).map(MemberAdminController::key).toList());
        return "admin/members";
    }

    private static String key(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
