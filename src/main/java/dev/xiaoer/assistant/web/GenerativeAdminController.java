package dev.xiaoer.assistant.web;

import dev.xiaoer.assistant.GenerativeAnswers;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.platform.NavigationItem;
import dev.xiaoer.workspace.WorkspaceManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins turn generative answers on or off and say which endpoint writes them. */
@Controller
@RequestMapping("/admin/assistant")
class GenerativeAdminController {

    private final GenerativeAnswers generative;
    private final WorkspaceManagement workspaces;

    GenerativeAdminController(GenerativeAnswers generative, WorkspaceManagement workspaces) {
        this.generative = generative;
        this.workspaces = workspaces;
    }

    /** The form as typed; a blank key keeps the stored one. */
    record GenerativeForm(boolean enabled, String baseUrl, String model, String apiKey) {
    }

    @GetMapping
    String page(Actor actor, Model model) {
        var settings = generative.settings(actor.workspace());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new GenerativeForm(settings.enabled(), settings.baseUrl(), settings.model(), ""));
        }
        model.addAttribute("settings", settings);
        // When, in the shop's own time zone, as everything else on its pages.
        model.addAttribute("updatedAt", settings.updatedAt() == null ? null
                : settings.updatedAt().atZone(workspaces.get(actor.workspace()).timeZone()));
        return "admin/assistant";
    }

    @PostMapping
    String save(Actor actor, @ModelAttribute("form") GenerativeForm form, BindingResult errors, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        try {
            generative.save(actor, form.enabled(), form.baseUrl(), form.model(), form.apiKey());
        } catch (InvalidInput invalid) {
            errors.rejectValue(invalid.field(), "problem." + invalid.code(), invalid.arguments(), null);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(actor, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/assistant";
    }

    /** The assistant's settings among the admin tabs, after live chat. */
    @Configuration(proxyBeanMethods = false)
    static class GenerativeNavigation {

        @Bean
        NavigationItem assistantAdminNavigationItem() {
            return NavigationItem.admin("assistant-settings", "/admin/assistant", "robot", 35);
        }
    }
}
