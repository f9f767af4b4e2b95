package dev.xiaoer.ticket;

import static dev.xiaoer.ticket.TicketStatus.CLOSED;
import static dev.xiaoer.ticket.TicketStatus.NEW;
import static dev.xiaoer.ticket.TicketStatus.ON_HOLD;
import static dev.xiaoer.ticket.TicketStatus.OPEN;
import static dev.xiaoer.ticket.TicketStatus.PENDING;
import static dev.xiaoer.ticket.TicketStatus.SOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketStatusTest {

    @Test
    void theWorkingStatesReachEachOtherAndSolved() {
        assertThat(NEW.next()).containsExactlyInAnyOrder(OPEN, PENDING, ON_HOLD, SOLVED);
        assertThat(OPEN.next()).containsExactlyInAnyOrder(PENDING, ON_HOLD, SOLVED);
        assertThat(PENDING.next()).containsExactlyInAnyOrder(OPEN, ON_HOLD, SOLVED);
        assertThat(ON_HOLD.next()).containsExactlyInAnyOrder(OPEN, PENDING, SOLVED);
    }

    @Test
    void onlyASolvedTicketClosesOrReopens() {
        assertThat(SOLVED.next()).containsExactlyInAnyOrder(OPEN, CLOSED);
        for (var status : TicketStatus.values()) {
            assertThat(status.canBecome(CLOSED)).as(status + " → closed").isEqualTo(status == SOLVED);
            assertThat(status.canBecome(NEW)).as(status + " → new").isFalse();
        }
    }

    @Test
    void closedIsFinal() {
        assertThat(CLOSED.next()).isEmpty();
    }
}
