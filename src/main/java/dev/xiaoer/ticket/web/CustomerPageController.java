package dev.xiaoer.ticket.web;

import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.ticket.TicketFilter;
import dev.xiaoer.ticket.TicketManagement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A customer's page: profile, identities, tags and notes, and their tickets, most recent first. It
 * lives here rather than in {@code customer} because it shows tickets, and {@code customer} sits
 * below {@code ticket}. A customer of another workspace is not found.
 */
@Controller
class CustomerPageController {

    private final CustomerManagement customers;
    private final TicketManagement tickets;
    private final PageSupport support;

    CustomerPageController(CustomerManagement customers, TicketManagement tickets, PageSupport support) {
        this.customers = customers;
        this.tickets = tickets;
        this.support = support;
    }

    @GetMapping("/customers/{id}")
    String show(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String cursor, Locale locale,
                Model model) {
        var workspace = actor.workspace();
        var customer = customers.get(workspace, new CustomerId(id));
        var page = tickets.list(workspace, TicketFilter.all().withRequester(customer.id()),
                cursor == null || cursor.isBlank() ? null : cursor, TicketListController.PAGE_SIZE);
        var requesters = support.requesters(workspace, page.items());
        model.addAttribute("rows", page.items().stream()
                .map(ticket -> TicketListController.Row.of(ticket, requesters, Map.of(), locale)).toList());
        model.addAttribute("nextPage", page.nextCursor() == null ? null
                : UriComponentsBuilder.fromPath("/customers/{id}").queryParam("cursor", page.nextCursor())
                .buildAndExpand(id).toUriString());
        model.addAttribute("time", support.times(workspace, locale));
        if (cursor != null && !cursor.isBlank()) {
            return "tickets/list :: more";
        }
        model.addAttribute("customer", customer);
        model.addAttribute("language", PageSupport.language(customer.language(), locale));
        model.addAttribute("mergedInto", customer.mergedInto() == null ? null
                : customers.find(workspace, customer.mergedInto()).orElse(null));
        model.addAttribute("ticketCount", tickets.count(workspace, TicketFilter.all().withRequester(customer.id())));
        model.addAttribute("openCount", tickets.count(workspace, TicketFilter.all().withRequester(customer.id())
                .withStatuses(TicketListQuery.UNSOLVED)));
        return "customers/page";
    }
}
