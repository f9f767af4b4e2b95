package dev.xiaoer.channel.chat;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.servlet.http.HttpServletResponse;
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
 * Admins put the chat on their shop: the snippet to paste, which sites may embed it, and the secret
 * their backend signs user ids with. Opening the page makes the secret if the workspace has none.
 */
@Controller
@RequestMapping("/admin/chat")
class ChatAdminController {

    private final ChatSettingsRows settings;
    private final XiaoerAddress address;
    private final WorkspaceManagement workspaces;

    ChatAdminController(ChatSettingsRows settings, XiaoerAddress address, WorkspaceManagement workspaces) {
        this.settings = settings;
        this.address = address;
        this.workspaces = workspaces;
    }

    /** The allowed origins as typed, one per line. */
    record OriginsForm(String origins) {
    }

    record HoursForm(String hours) {
    }

    @GetMapping
    String page(Actor actor, Model model) {
        var chat = settings.withSecret(actor.workspace());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new OriginsForm(String.join("\n", chat.allowedOrigins())));
        }
        var script = address.widgetScript();
        var workspace = actor.workspace().value();
        model.addAttribute("snippet", "<script src=\"" + script + "\" data-workspace=\"" + workspace + "\" async></script>");
        model.addAttribute("identifiedSnippet", "<script src=\"" + script + "\" data-workspace=\"" + workspace
                + "\"\n        data-user-id=\"USER-ID\" data-user-hash=\"SIGNATURE\" async></script>");
        if (!model.containsAttribute("hoursForm")) {
            model.addAttribute("hoursForm", new HoursForm(chat.hours().text()));
        }
        model.addAttribute("timeZone", workspaces.get(actor.workspace()).timeZone().getId());
        model.addAttribute("workspaceId", workspace);
        model.addAttribute("allowedOrigins", chat.allowedOrigins());
        model.addAttribute("secret", chat.signingSecret());
        model.addAttribute("assistantFirst", chat.assistantFirst());
        return "admin/chat";
    }

    /** Saves the whole list, or nothing when any line is not an origin. */
    @PostMapping("/origins")
    String saveOrigins(Actor actor, @ModelAttribute("form") OriginsForm form, BindingResult errors, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        var parsed = AllowedOrigins.parse(form.origins());
        if (!parsed.invalid().isEmpty()) {
            errors.rejectValue("origins", "chat.admin.origins.invalid", new Object[] {String.join("  ", parsed.invalid())},
                    null);
        } else if (parsed.origins().size() > AllowedOrigins.MAX_COUNT) {
            errors.rejectValue("origins", "chat.admin.origins.too-many", new Object[] {AllowedOrigins.MAX_COUNT}, null);
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(actor, model);
        }
        settings.saveAllowedOrigins(actor.workspace(), parsed.origins());
        redirect.addFlashAttribute("originsSaved", true);
        return "redirect:/admin/chat";
    }

    /** Saves the chat hours, or nothing when any line is not a span of hours. */
    @PostMapping("/hours")
    String saveHours(Actor actor, @ModelAttribute("hoursForm") HoursForm form, BindingResult errors, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        var parsed = ChatHours.parse(form.hours());
        if (!parsed.invalid().isEmpty()) {
            errors.rejectValue("hours", "chat.admin.hours.invalid", new Object[] {String.join("  ", parsed.invalid())},
                    null);
        } else if (parsed.hours().spans().size() > ChatHours.MAX_LINES) {
            errors.rejectValue("hours", "chat.admin.hours.too-many", new Object[] {ChatHours.MAX_LINES}, null);
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(actor, model);
        }
        settings.saveHours(actor.workspace(), parsed.hours());
        redirect.addFlashAttribute("hoursSaved", true);
        return "redirect:/admin/chat";
    }

    /** Turns the assistant on or off for new chats; chats it is answering keep it until it hands them over. */
    @PostMapping("/assistant")
    String saveAssistant(Actor actor, @RequestParam(defaultValue = "false") boolean assistantFirst,
                         RedirectAttributes redirect) {
        settings.saveAssistantFirst(actor.workspace(), assistantFirst);
        redirect.addFlashAttribute("assistantSaved", true);
        return "redirect:/admin/chat";
    }

    @PostMapping("/secret")
    String regenerateSecret(Actor actor, RedirectAttributes redirect) {
        settings.regenerateSecret(actor.workspace());
        redirect.addFlashAttribute("secretRegenerated", true);
        return "redirect:/admin/chat";
    }
}
