package dev.xiaoer.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.ticket.IllegalStatusTransition;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketClosed;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketLink;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import dev.xiaoer.ticket.TimelineEntryKind;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    static Ticket newTicket() {
        return Ticket.open(TicketId.random(), WorkspaceId.random(), 1042, "  Spoiled peaches  ", TicketType.AFTER_SALES,
                TicketPriority.HIGH, TicketChannel.CHAT, new CustomerId(UUID.randomUUID()), null, null, null, NOW);
    }

    static Ticket in(TicketStatus status) {
        var ticket = newTicket();
        switch (status) {
            case NEW -> {
            }
            case CLOSED -> {
                ticket.changeStatus(TicketStatus.SOLVED, NOW);
                ticket.changeStatus(TicketStatus.CLOSED, NOW);
            }
            default -> ticket.changeStatus(status, NOW);
        }
        return ticket;
    }

    @Test
    void aNewTicketStartsAtVersionOneWithATrimmedSubject() {
        var ticket = newTicket();

        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.version()).isEqualTo(1);
        assertThat(ticket.subject()).isEqualTo("Spoiled peaches");
        assertThat(ticket.changes()).isEmpty();
    }

    @Test
    void refusesAMoveTheLifecycleDoesNotAllow() {
        var ticket = in(TicketStatus.OPEN);

        assertThatThrownBy(() -> ticket.changeStatus(TicketStatus.CLOSED, NOW)).isInstanceOf(IllegalStatusTransition.class);
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void aClosedTicketTakesNoStatusChangeNorCustomerMessage() {
        var ticket = in(TicketStatus.CLOSED);

        assertThatThrownBy(() -> ticket.changeStatus(TicketStatus.OPEN, NOW)).isInstanceOf(TicketClosed.class);
        assertThatThrownBy(() -> ticket.customerWrote(NOW)).isInstanceOf(TicketClosed.class);
    }

    @Test
    void aCustomerMessageReopensOnlySolvedAndPendingTickets() {
        for (var status : TicketStatus.values()) {
            if (status == TicketStatus.CLOSED) {
                continue;
            }
            var ticket = in(status);
            ticket.customerWrote(NOW);
            var expected = status == TicketStatus.SOLVED || status == TicketStatus.PENDING ? TicketStatus.OPEN : status;
            assertThat(ticket.status()).as(status.name()).isEqualTo(expected);
        }
    }

    @Test
    void solvingRemembersWhenAndReopeningForgetsIt() {
        var ticket = in(TicketStatus.SOLVED);
        assertThat(ticket.solvedAt()).isEqualTo(NOW);
        assertThat(ticket.quietSinceSolved(NOW.plus(Duration.ofDays(4)))).isTrue();
        assertThat(ticket.quietSinceSolved(NOW.minusSeconds(1))).isFalse();

        ticket.customerWrote(NOW.plusSeconds(60));

        assertThat(ticket.solvedAt()).isNull();
        assertThat(ticket.quietSinceSolved(NOW.plus(Duration.ofDays(4)))).isFalse();
    }

    @Test
    void recordsEachChangeWithOldAndNewValues() {
        var ticket = newTicket();

        ticket.rename("Spoiled peaches, order 88123");
        ticket.prioritise(TicketPriority.HIGH);
        ticket.prioritise(TicketPriority.URGENT);
        ticket.changeStatus(TicketStatus.OPEN, NOW);

        assertThat(ticket.changes()).extracting(Ticket.Change::kind).containsExactly(TimelineEntryKind.FIELD_CHANGE,
                TimelineEntryKind.FIELD_CHANGE, TimelineEntryKind.STATUS_CHANGE);
        assertThat(ticket.changes().get(1)).extracting(Ticket.Change::from, Ticket.Change::to)
                .containsExactly("high", "urgent");
        assertThat(ticket.changes().getFirst().freeText()).isTrue();
    }

    @Test
    void mergingClosesFromAnyOpenStatusWithALink() {
        var ticket = in(TicketStatus.ON_HOLD);
        var target = new TicketLink(TicketId.random(), 1001);

        ticket.closeAsMergedInto(target, NOW);

        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.mergedInto()).isEqualTo(target);
        assertThat(ticket.closedAt()).isEqualTo(NOW);
    }

    @Test
    void theCustomerWaitsFromTheirFirstUnansweredMessageUntilTheTeamAnswers() {
        var ticket = newTicket();
        assertThat(ticket.awaitingReplySince()).isNull();

        ticket.customerWrote(NOW);
        ticket.customerWrote(NOW.plusSeconds(60));
        assertThat(ticket.awaitingReplySince()).as("still since the first message").isEqualTo(NOW);

        ticket.agentReplied(NOW.plusSeconds(90));
        assertThat(ticket.awaitingReplySince()).isNull();

        ticket.customerWrote(NOW.plusSeconds(120));
        assertThat(ticket.awaitingReplySince()).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void aSolvedTicketHasNobodyWaitingUntilTheCustomerWritesAgain() {
        var ticket = in(TicketStatus.OPEN);
        ticket.customerWrote(NOW);

        ticket.changeStatus(TicketStatus.SOLVED, NOW.plusSeconds(30));
        assertThat(ticket.awaitingReplySince()).isNull();

        ticket.customerWrote(NOW.plusSeconds(60));
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.awaitingReplySince()).isEqualTo(NOW.plusSeconds(60));
    }
}
