package dev.xiaoer.ticket;

import dev.xiaoer.kernel.BusinessException;

/** A ticket cannot be merged into itself. */
public class CannotMergeTicket extends BusinessException {

    public CannotMergeTicket(long number) {
        super("cannot-merge-ticket", Kind.CONFLICT, "Ticket #" + number + " cannot be merged into itself", number);
    }
}
