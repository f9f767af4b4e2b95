package dev.xiaoer.ticket.web;

import dev.xiaoer.customer.Customer;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.ticket.web.TicketListQuery.View;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inbox: the ticket list with its views (mine, unassigned, all open, all) and filters. Filtering
 * answers htmx with the results only and sets the address bar to the filtered list's URL.
 */
@Controller
class TicketListController {

    static final int PAGE_SIZE = 25;

    private final TicketManagement tickets;
    private final PageSupport support;

    TicketListController(TicketManagement tickets, PageSupport support) {
        this.tickets = tickets;
        this.support = support;
    }

    /** One row of the list. */
    record Row(TicketView ticket, PageSupport.Language language, String tier) {

        static Row of(TicketView ticket, Map<CustomerId, Customer> requesters, Locale locale) {
            var requester = requesters.get(ticket.requester());
            return new Row(ticket, requester == null ? null : PageSupport.language(requester.language(), locale),
                    requester == null ? null : requester.tier());
        }
    }

    /** The start page: an agent's own open tickets; station staff have no inbox yet and see their account. */
    @GetMapping("/")
    String home(Actor actor) {
        return actor.role() == Role.STATION_STAFF ? "redirect:/account" : "redirect:/tickets?view=mine";
    }

    @GetMapping("/tickets")
    String list(Actor actor, Locale locale, Model model, HttpServletResponse response,
                @RequestParam(required = false) String view,
                @RequestParam(required = false) TicketStatus status,
                @RequestParam(required = false) TicketPriority priority,
                @RequestParam(required = false) TicketType type,
                @RequestParam(required = false) String assignee,
                @RequestParam(required = false) UUID team,
                @RequestParam(required = false) String tag,
                @RequestParam(required = false) String q,
                @RequestParam(required = false) String cursor,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @RequestHeader(name = "HX-Target", required = false) String target) {
        var query = new TicketListQuery(view, status, priority, type, assignee, team, tag, q, cursor);
        var workspace = actor.workspace();
        var page = tickets.list(workspace, query.filter(actor), query.cursor(), PAGE_SIZE);
        var requesters = support.requesters(workspace, page.items());
        model.addAttribute("query", query);
        model.addAttribute("rows", page.items().stream().map(ticket -> Row.of(ticket, requesters, locale)).toList());
        model.addAttribute("nextPage", page.nextCursor() == null ? null : query.nextPage(page.nextCursor()));
        model.addAttribute("time", support.times(workspace, locale));
        if (query.cursor() != null) {
            // "Load more": the next rows and the next button, in place of the button.
            return "tickets/list :: more";
        }
        model.addAttribute("matching", tickets.count(workspace, query.filter(actor)));
        model.addAttribute("counts", counts(actor));
        if ("true".equals(htmx) && "ticket-results".equals(target)) {
            response.setHeader("HX-Push-Url", query.url());
            return "tickets/results";
        }
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("agents", support.agents(actor, locale));
        model.addAttribute("teams", support.teams(workspace));
        model.addAttribute("views", View.values());
        return "tickets/list";
    }

    private Map<String, Long> counts(Actor actor) {
        var counts = new LinkedHashMap<String, Long>();
        for (var view : View.values()) {
            counts.put(view.key(), tickets.count(actor.workspace(), view.filter(actor)));
        }
        return counts;
    }
}
