package dev.xiaoer.ticket;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.ticket.infra.ReadRows;
import dev.xiaoer.ticket.infra.TicketRows;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who has read a ticket's messages up to when: members of the team who had it in front of them, and
 * the customer in their chat window. None of it changes the ticket (no timeline entry, no new
 * version); channels hear of it through {@link TicketSeen} and {@link TicketReadByCustomer}.
 */
@Service
public class ReadReceipts {

    private final TicketRows tickets;
    private final ReadRows reads;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    ReadReceipts(TicketRows tickets, ReadRows reads, ApplicationEventPublisher events,
                 PlatformTransactionManager transactions, Clock clock) {
        this.tickets = tickets;
        this.reads = reads;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * A member of the team has the ticket in front of them: its messages so far are read by them. This
     * is no change of the ticket (no timeline entry, no new version); {@link TicketSeen} tells channels.
     */
    public void seen(Actor actor, TicketId id) {
        if (!actor.isUser()) {
            return;
        }
        var at = now();
        var ticket = transaction.execute(status -> {
            var found = tickets.find(actor.workspace(), id).orElseThrow(() -> new NotFound("ticket", id));
            reads.markSeen(actor.workspace(), id, actor.userId(), at);
            return found;
        });
        events.publishEvent(new TicketSeen(actor.workspace(), id, ticket.number(), ticket.channel(), actor.userId(), at));
    }

    /** When any member of the team last had the ticket in front of them; empty if nobody has. */
    public Optional<Instant> lastSeenByTeam(WorkspaceId workspace, TicketId id) {
        return readOnly.execute(status -> reads.lastSeenByTeam(workspace, id));
    }

    /**
     * The customer has seen the team's messages up to {@code upTo} (their chat window is open, say).
     * No change of the ticket; announced as {@link TicketReadByCustomer} when it is later than before.
     * A time in the future counts as now.
     */
    public void readByCustomer(WorkspaceId workspace, TicketId id, Instant upTo) {
        var at = upTo.isAfter(now()) ? now() : upTo.truncatedTo(ChronoUnit.MICROS);
        transaction.executeWithoutResult(status -> {
            var ticket = tickets.find(workspace, id).orElseThrow(() -> new NotFound("ticket", id));
            if (reads.markReadByCustomer(workspace, id, at)) {
                events.publishEvent(new TicketReadByCustomer(workspace, id, ticket.number(), ticket.channel(), at));
            }
        });
    }

    /** Up to when the customer has seen the team's messages on this ticket; empty if never. */
    public Optional<Instant> readByCustomerUpTo(WorkspaceId workspace, TicketId id) {
        return readOnly.execute(status -> reads.readByCustomer(workspace, id));
    }

    /** How many of the customer's messages on each ticket the member has not seen yet (absent: none). */
    public Map<TicketId, Integer> unread(WorkspaceId workspace, UserId user, Collection<TicketId> ids) {
        return readOnly.execute(status -> reads.unread(workspace, user, ids));
    }

    private Instant now() {
        // Databases keep microseconds; an instant handed out must compare equal once read back.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
