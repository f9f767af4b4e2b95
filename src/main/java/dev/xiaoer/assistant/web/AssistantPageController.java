package dev.xiaoer.assistant.web;

import dev.xiaoer.assistant.Assistant;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.knowledge.KnowledgeBase;
import dev.xiaoer.knowledge.ReviewForbidden;
import dev.xiaoer.platform.NavigationItem;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The assistant's analytics: containment, hand-offs by reason, and per FAQ entry how often its answer helped. */
@Controller
class AssistantPageController {

    private static final List<Integer> WINDOWS = List.of(7, 30, 90);

    private final Assistant assistant;

    AssistantPageController(Assistant assistant) {
        this.assistant = assistant;
    }

    @GetMapping("/assistant")
    String page(Actor actor, @RequestParam(defaultValue = "30") int days, Model model) {
        var window = WINDOWS.contains(days) ? days : 30;
        model.addAttribute("analytics", assistant.analytics(actor.workspace(), window));
        model.addAttribute("windows", WINDOWS);
        model.addAttribute("gaps", assistant.gaps(actor.workspace()).size());
        model.addAttribute("mayRetrain", KnowledgeBase.mayReview(actor));
        return "assistant/analytics";
    }

    /** Supervisors and admins retrain the models now rather than at the next FAQ change. */
    @PostMapping("/assistant/retrain")
    String retrain(Actor actor, RedirectAttributes redirect) {
        if (!KnowledgeBase.mayReview(actor)) {
            throw new ReviewForbidden();
        }
        assistant.retrainSoon(actor.workspace());
        redirect.addFlashAttribute("retraining", true);
        return "redirect:/assistant";
    }

    /** The assistant in the main navigation, after the knowledge base it answers from. */
    @Configuration(proxyBeanMethods = false)
    static class AssistantNavigation {

        @Bean
        NavigationItem assistantNavigationItem() {
            return NavigationItem.main("assistant", "/assistant", "robot", 36);
        }
    }
}
