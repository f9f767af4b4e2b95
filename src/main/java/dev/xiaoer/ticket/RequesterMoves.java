package dev.xiaoer.ticket;

import dev.xiaoer.customer.CustomerMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When two customer profiles are merged, their tickets follow: each gets a requester-change entry. */
@Component
class RequesterMoves {

    private final TicketManagement tickets;

    RequesterMoves(TicketManagement tickets) {
        this.tickets = tickets;
    }

    @ApplicationModuleListener
    void on(CustomerMerged merged) {
        tickets.moveRequester(merged.workspace(), merged.source(), merged.target());
    }
}
