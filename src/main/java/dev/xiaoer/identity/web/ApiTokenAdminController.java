package dev.xiaoer.identity.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.ApiToken;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Scope;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins create and revoke the workspace's API tokens. A new token's secret is shown once, on
 * the page the creation redirects to, and never again: only its hash is kept.
 */
@Controller
@RequestMapping("/admin/tokens")
class ApiTokenAdminController {

    private static final int MAX_NAME = 120;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IdentityManagement identity;
    private final WorkspaceManagement workspaces;

    ApiTokenAdminController(IdentityManagement identity, WorkspaceManagement workspaces) {
        this.identity = identity;
        this.workspaces = workspaces;
    }

    record TokenForm(
            @NotBlank(message = "{tokens.name.required}")
            @Size(max = MAX_NAME, message = "{tokens.name.too-long}")
            String name,
            String access) {
    }

    /** A token as the list shows it, with times in the workspace's time zone. */
    record TokenRow(UUID id, String name, boolean writes, String createdAt, String created, String revoked,
                    boolean active) {

        static TokenRow of(ApiToken token, ZoneId zone) {
            return new TokenRow(token.id(), token.name(), token.scopes().contains(Scope.WRITE),
                    token.createdAt().toString(), WHEN.format(token.createdAt().atZone(zone)),
                    token.active() ? null : WHEN.format(token.revokedAt().atZone(zone)), token.active());
        }
    }

    /** The new token, shown once after the redirect: a flash attribute, so it travels in the session. */
    record Issued(String name, String secret) implements Serializable {
    }

    @GetMapping
    String list(Actor actor, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TokenForm("", "read"));
        }
        model.addAttribute("tokens", rows(actor));
        return "admin/tokens";
    }

    @PostMapping
    String create(Actor actor, @Valid @ModelAttribute("form") TokenForm form, BindingResult errors, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        var scope = "write".equals(form.access()) ? Scope.WRITE : "read".equals(form.access()) ? Scope.READ : null;
        if (scope == null) {
            errors.rejectValue("access", "tokens.access.required");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("tokens", rows(actor));
            return "admin/tokens";
        }
        var issued = identity.issueToken(actor.workspace(), form.name().strip(), EnumSet.of(scope), actor.userId());
        redirect.addFlashAttribute("issued", new Issued(issued.token().name(), issued.secret()));
        return "redirect:/admin/tokens";
    }

    /** Revokes at once; htmx swaps in the revoked row, a plain form post comes back to the list. */
    @PostMapping("/{id}/revoke")
    String revoke(Actor actor, @PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model) {
        identity.revokeToken(actor.workspace(), id);
        if (htmx == null) {
            return "redirect:/admin/tokens";
        }
        model.addAttribute("tokens", rows(actor).stream().filter(row -> row.id().equals(id)).toList());
        return "admin/tokens :: row";
    }

    private List<TokenRow> rows(Actor actor) {
        var zone = workspaces.get(actor.workspace()).timeZone();
        return identity.tokens(actor.workspace()).stream()
                .sorted(Comparator.comparing(ApiToken::createdAt).reversed())
                .map(token -> TokenRow.of(token, zone)).toList();
    }
}
