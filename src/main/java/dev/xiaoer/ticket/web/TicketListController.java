package dev.xiaoer.ticket.web;

import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.Customer;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.ticket.ReadReceipts;
import dev.xiaoer.ticket.TicketId;
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
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inbox: the ticket list with its views (mine, unassigned, my teams, all open, all) and filters. Filtering
 * answers htmx with the results only and sets the address bar to the filtered list's URL.
 */
@Controller
class TicketListController {

    static final int PAGE_SIZE = 25;

    private final TicketManagement tickets;
    private final ReadReceipts receipts;
    private final PageSupport support;

    TicketListController(TicketManagement tickets, ReadReceipts receipts, PageSupport support) {
        this.tickets = tickets;
        this.receipts = receipts;
        this.support = support;
    }

    /** One row of the list: {@code unread} counts the customer's messages the reader has not seen. */
    record Row(TicketView ticket, PageSupport.Language language, String tier, int unread) {

        static Row of(TicketView ticket, Map<CustomerId, Customer> requesters, Map<TicketId, Integer> unread,
                      Locale locale) {
            var requester = requesters.get(ticket.requester());
            return new Row(ticket, requester == null ? null : PageSupport.language(requester.language(), locale),
                    requester == null ? null : requester.tier(), unread.getOrDefault(ticket.id(), 0));
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
                @RequestHeader(name = "HX-Target", required = false) String target,
                @RequestHeader(name = "X-Xiaoer-Refresh", required = false) String refresh) {
        var query = new TicketListQuery(view, status, priority, type, assignee, team, tag, q, cursor);
        var workspace = actor.workspace();
        var myTeams = support.myTeams(actor);
        var filter = query.filter(actor, myTeams);
        var page = tickets.list(workspace, filter, query.cursor(), PAGE_SIZE);
        var requesters = support.requesters(workspace, page.items());
        var unread = actor.isUser()
                ? receipts.unread(workspace, actor.userId(), page.items().stream().map(TicketView::id).toList())
                : Map.<TicketId, Integer>of();
        model.addAttribute("query", query);
        model.addAttribute("rows", page.items().stream().map(ticket -> Row.of(ticket, requesters, unread, locale))
                .toList());
        model.addAttribute("nextPage", page.nextCursor() == null ? null : query.nextPage(page.nextCursor()));
        model.addAttribute("time", support.times(workspace, locale));
        if (query.cursor() != null) {
            // "Load more": the next rows and the next button, in place of the button.
            return "tickets/list :: more";
        }
        model.addAttribute("matching", tickets.count(workspace, filter));
        model.addAttribute("counts", counts(actor, myTeams));
        if ("true".equals(htmx) && "ticket-results".equals(target)) {
            // A live refresh (live.js) shows the same list anew: no new entry in the browser's history.
            response.setHeader("true".equals(refresh) ? "HX-Replace-Url" : "HX-Push-Url", query.url());
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

    private Map<String, Long> counts(Actor actor, Set<TeamId> myTeams) {
        var counts = new LinkedHashMap<String, Long>();
        for (var view : View.values()) {
            counts.put(view.key(), tickets.count(actor.workspace(), view.filter(actor, myTeams)));
        }
        return counts;
    }
}
