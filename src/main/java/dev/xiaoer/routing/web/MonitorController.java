package dev.xiaoer.routing.web;

import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.routing.AgentLoad;
import dev.xiaoer.routing.ChatRouting;
import dev.xiaoer.ticket.TicketChanges;
import dev.xiaoer.ticket.TicketFilter;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervisor's live view of chat: the queue with each chat's waiting time, every agent with their
 * presence and load and the chats they hold; a supervisor takes a chat over or gives it to another
 * agent from here. The board refreshes itself when anything in the workspace changes (live.js).
 */
@Controller
class MonitorController {

    private static final int ACTIVE_CHATS_SHOWN = 500;

    private final ChatRouting routing;
    private final TicketManagement tickets;
    private final MessageSource messages;
    private final Clock clock;

    MonitorController(ChatRouting routing, TicketManagement tickets, MessageSource messages, Clock clock) {
        this.routing = routing;
        this.tickets = tickets;
        this.messages = messages;
        this.clock = clock;
    }

    /** A waiting chat with its place in the queue and how long it has waited, as text. */
    record Waiting(int position, TicketView chat, Duration waited, String waitedText) {
    }

    /** An agent's row: presence, load and the chats they hold. */
    record AgentRow(AgentLoad load, List<TicketView> chats) {

        public int loadPercent() {
            return Math.min(100, load.openChats() * 100 / Math.max(1, load.capacity()));
        }

        public String status() {
            return load.status().code();
        }
    }

    @GetMapping("/monitor")
    String monitor(Actor actor, Locale locale, Model model,
                   @RequestHeader(name = "HX-Request", required = false) String htmx) {
        var workspace = actor.workspace();
        var now = clock.instant();
        var queue = routing.queue(workspace);
        var waiting = new ArrayList<Waiting>();
        for (var i = 0; i < queue.size(); i++) {
            var chat = queue.get(i);
            var waited = waited(chat, now);
            waiting.add(new Waiting(i + 1, chat, waited, elapsed(waited, locale)));
        }
        var loads = routing.loads(workspace);
        var held = tickets.list(workspace, TicketFilter.all().onChannel(TicketChannel.CHAT)
                        .withStatuses(EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING)), null,
                ACTIVE_CHATS_SHOWN).items().stream()
                .filter(chat -> chat.assignee() != null)
                .collect(Collectors.groupingBy(TicketView::assignee));
        var agents = loads.stream()
                .sorted(Comparator.comparing((AgentLoad load) -> load.status().ordinal()).thenComparing(AgentLoad::name))
                .map(load -> new AgentRow(load, held.getOrDefault(load.agent(), List.of())))
                .toList();
        model.addAttribute("waiting", waiting);
        model.addAttribute("longestWait", waiting.stream().map(Waiting::waited).max(Comparator.naturalOrder())
                .map(longest -> elapsed(longest, locale)).orElse(null));
        model.addAttribute("agents", agents);
        model.addAttribute("online", loads.stream().filter(load -> load.status() == AgentStatus.ONLINE).count());
        model.addAttribute("openChats", loads.stream().mapToInt(AgentLoad::openChats).sum());
        model.addAttribute("me", actor.id().toString());
        return "true".equals(htmx) ? "routing/monitor :: board" : "routing/monitor";
    }

    /** Gives a chat to an agent: the supervisor themselves (take over) or someone else (reassign). */
    @PostMapping("/monitor/chats/{number}/assignee")
    String assign(Actor actor, @PathVariable long number, @RequestParam String agent, Locale locale, Model model) {
        var chat = tickets.findByNumber(actor.workspace(), number)
                .orElseThrow(() -> new NotFound("ticket", "#" + number));
        var assignee = "me".equals(agent) ? actor.userId() : new UserId(uuid(agent));
        tickets.update(actor, chat.id(), TicketChanges.none().withAssignee(assignee), null);
        return monitor(actor, locale, model, "true");
    }

    private static Duration waited(TicketView chat, Instant now) {
        var since = chat.awaitingReplySince() == null ? chat.createdAt() : chat.awaitingReplySince();
        return Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now);
    }

    private String elapsed(Duration waited, Locale locale) {
        if (waited.toMinutes() < 1) {
            return messages.getMessage("monitor.elapsed.seconds", new Object[] {waited.toSeconds()}, locale);
        }
        if (waited.toHours() < 1) {
            return messages.getMessage("monitor.elapsed.minutes", new Object[] {waited.toMinutes()}, locale);
        }
        return messages.getMessage("monitor.elapsed.hours",
                new Object[] {waited.toHours(), waited.toMinutesPart()}, locale);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("agent", "uuid-invalid");
        }
    }
}
