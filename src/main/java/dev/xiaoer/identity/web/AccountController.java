package dev.xiaoer.identity.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own settings: the name colleagues see and the language Xiaoer speaks to them,
 * beside the settings of the workspace they work in.
 */
@Controller
@RequestMapping("/account")
class AccountController {

    /** The languages a user may choose; the empty choice follows the browser. */
    private static final Map<String, Locale> LANGUAGES = Map.of(
            "zh-CN", Locale.SIMPLIFIED_CHINESE,
            "en", Locale.ENGLISH);

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final IdentityManagement identity;
    private final SignedInUsers signedIn;
    private final WorkspaceManagement workspaces;
    private final Clock clock;

    AccountController(IdentityManagement identity, SignedInUsers signedIn, WorkspaceManagement workspaces, Clock clock) {
        this.identity = identity;
        this.signedIn = signedIn;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The workspace's settings as the account page shows them, in the reader's language. */
    record WorkspaceCard(String name, String language, String timeZone, String localTime, String currency) {
    }

    @ModelAttribute("workspace")
    WorkspaceCard workspace(Actor actor, Locale locale) {
        var workspace = workspaces.get(actor.workspace());
        var now = ZonedDateTime.now(clock.withZone(workspace.timeZone()));
        return new WorkspaceCard(workspace.name(), workspace.defaultLanguage().getDisplayName(locale),
                workspace.timeZone().getId(), CLOCK_TIME.format(now),
                workspace.currency().getCurrencyCode() + " · " + workspace.currency().getDisplayName(locale));
    }

    record ProfileForm(
            @NotBlank(message = "{account.display-name.required}")
            @Size(max = IdentityManagement.MAX_DISPLAY_NAME, message = "{account.display-name.too-long}")
            String displayName,
            String language) {
    }

    @GetMapping
    String show(Actor actor, Model model) {
        var member = identity.member(actor.workspace(), actor.userId()).orElseThrow();
        model.addAttribute("form", new ProfileForm(member.displayName(), choice(member.locale())));
        return "account";
    }

    @PostMapping
    String save(Actor actor, @Valid @ModelAttribute("form") ProfileForm form, BindingResult errors,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var language = form.language() == null ? "" : form.language();
        if (!language.isEmpty() && !LANGUAGES.containsKey(language)) {
            errors.rejectValue("language", "account.language.unknown");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "account";
        }
        try {
            identity.updateProfile(actor.userId(), form.displayName(), LANGUAGES.get(language));
        } catch (InvalidInput e) {
            errors.rejectValue(e.field(), "problem." + e.code(), e.arguments(), e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "account";
        }
        signedIn.reload(actor, request, response);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/account";
    }

    /** The language switch in the user menu: changes only the language, then returns to the page it was used on. */
    @PostMapping("/language")
    String language(Actor actor, @RequestParam(defaultValue = "") String language,
                    @RequestParam(defaultValue = "/") String next,
                    HttpServletRequest request, HttpServletResponse response) {
        if (!language.isEmpty() && !LANGUAGES.containsKey(language)) {
            throw new InvalidInput("language", "unknown-language", language);
        }
        var member = identity.member(actor.workspace(), actor.userId()).orElseThrow();
        identity.updateProfile(actor.userId(), member.displayName(), LANGUAGES.get(language));
        signedIn.reload(actor, request, response);
        return "redirect:" + (isLocalPath(next) ? next : "/");
    }

    private static String choice(String locale) {
        if (locale == null) {
            return "";
        }
        var tag = locale.toLowerCase(Locale.ROOT);
        return tag.startsWith("zh") ? "zh-CN" : tag.startsWith("en") ? "en" : "";
    }

    /** Only a path of this site, so the switch cannot be used to send someone elsewhere. */
    static boolean isLocalPath(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !path.contains("\\") && !path.contains("\r")
                && !path.contains("\n");
    }
}
