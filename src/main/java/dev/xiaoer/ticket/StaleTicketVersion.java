package dev.xiaoer.ticket;

import dev.xiaoer.kernel.BusinessException;

/** The ticket changed since the caller read it ({@code If-Match} names an older version); nothing was changed. */
public class StaleTicketVersion extends BusinessException {

    public StaleTicketVersion(long expected, long current) {
        super("stale-ticket-version", Kind.PRECONDITION_FAILED,
                "Expected version " + expected + " but the ticket is at version " + current, expected, current);
    }
}
