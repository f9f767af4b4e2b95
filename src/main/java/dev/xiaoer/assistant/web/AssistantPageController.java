package dev.xiaoer.assistant.web;

import dev.xiaoer.assistant.Assistant;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.platform.NavigationItem;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
        return "assistant/analytics";
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
