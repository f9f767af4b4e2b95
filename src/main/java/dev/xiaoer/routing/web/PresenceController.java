package dev.xiaoer.routing.web;

import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.routing.ChatRouting;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agent's presence in the page shell's top bar: online (routing hands them chats), away (they keep
 * theirs but get no new ones) or offline (their chats go back to the queue); how many chats they hold,
 * and taking the longest-waiting chat from the queue themselves.
 */
@Controller
class PresenceController {

    private final AgentManagement agents;
    private final ChatRouting routing;

    PresenceController(AgentManagement agents, ChatRouting routing) {
        this.agents = agents;
        this.routing = routing;
    }

    @GetMapping("/presence")
    String widget(Actor actor, Model model) {
        return widget(actor, model, agentStatus(actor));
    }

    @PostMapping("/presence")
    String change(Actor actor, @RequestParam String status, Model model) {
        var next = AgentStatus.fromCode(status).orElseThrow(() -> new InvalidInput("status", "agent-status-invalid"));
        requireAgent(actor);
        agents.setStatus(actor.workspace(), actor.userId(), next);
        return widget(actor, model, next);
    }

    /** The longest-waiting chat becomes the agent's, and their browser opens it. */
    @PostMapping("/presence/take-next")
    String takeNext(Actor actor, Model model, HttpServletResponse response) {
        requireAgent(actor);
        var taken = routing.takeNext(actor);
        if (taken.isPresent()) {
            response.setHeader("HX-Redirect", "/tickets/" + taken.get().number());
        }
        model.addAttribute("nothingWaiting", taken.isEmpty());
        return widget(actor, model, agentStatus(actor));
    }

    private String widget(Actor actor, Model model, AgentStatus status) {
        var me = routing.loads(actor.workspace()).stream().filter(load -> load.agent().equals(actor.userId()))
                .findFirst().orElseThrow(() -> new NotFound("agent", actor.id()));
        model.addAttribute("status", status.code());
        model.addAttribute("statuses", AgentStatus.values());
        model.addAttribute("load", me);
        model.addAttribute("waiting", routing.queue(actor.workspace()).size());
        return "routing/presence :: widget";
    }

    private AgentStatus agentStatus(Actor actor) {
        requireAgent(actor);
        return agents.get(actor.workspace(), actor.userId()).status();
    }

    private static void requireAgent(Actor actor) {
        if (!actor.isUser()) {
            throw new NotFound("agent", actor.id());
        }
    }
}
