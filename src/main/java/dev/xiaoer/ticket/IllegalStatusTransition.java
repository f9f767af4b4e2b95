package dev.xiaoer.ticket;

import dev.xiaoer.kernel.BusinessException;
import java.util.Locale;

/** A status change the lifecycle does not allow, such as {@code open → closed}. */
public class IllegalStatusTransition extends BusinessException {

    public IllegalStatusTransition(TicketStatus from, TicketStatus to) {
        super("illegal-status-transition", Kind.CONFLICT, "A ticket cannot go from " + from + " to " + to,
                from.name().toLowerCase(Locale.ROOT), to.name().toLowerCase(Locale.ROOT));
    }
}
