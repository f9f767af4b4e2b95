package dev.xiaoer.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket stands. The allowed moves are explicit: {@code new → open → pending → on_hold →
 * solved → closed}, with the working states ({@code open}, {@code pending}, {@code on_hold})
 * reachable from each other, a solved ticket reopening to {@code open}, and {@code closed} final.
 */
public enum TicketStatus {
    /** Just arrived, nobody has answered yet. */
    NEW,
    /** Being worked on by the service team. */
    OPEN,
    /** Waiting on the customer. */
    PENDING,
    /** Waiting on a third party: logistics, a supplier. */
    ON_HOLD,
    /** Answered; closes by itself after a few quiet days, or reopens when the customer writes. */
    SOLVED,
    /** Final. A new message starts a follow-up ticket. */
    CLOSED;

    /** The statuses this one may change to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED);
            case OPEN -> EnumSet.of(PENDING, ON_HOLD, SOLVED);
            case PENDING -> EnumSet.of(OPEN, ON_HOLD, SOLVED);
            case ON_HOLD -> EnumSet.of(OPEN, PENDING, SOLVED);
            case SOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canBecome(TicketStatus target) {
        return next().contains(target);
    }

    /** Not yet solved or closed: somebody still has work to do. */
    public boolean isUnsolved() {
        return this != SOLVED && this != CLOSED;
    }
}
