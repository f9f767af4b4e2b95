package dev.xiaoer.ticket;

import dev.xiaoer.kernel.BusinessException;

/** A closed ticket is final: it takes no further notes, changes, attachments or merges. */
public class TicketClosed extends BusinessException {

    public TicketClosed(long number) {
        super("ticket-closed", Kind.CONFLICT, "Ticket #" + number + " is closed", number);
    }
}
