package dev.xiaoer.ticket.infra;

import dev.xiaoer.identity.UserId;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read receipts: when members saw a ticket ({@code ticket_reads}) and up to when the customer read it ({@code tickets.customer_read_at}). */
@Repository
public class ReadRows {

    private final JdbcClient jdbc;

    ReadRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the member saw the ticket at {@code at} (later than any time they saw it before). */
    public void markSeen(WorkspaceId workspace, TicketId ticket, UserId user, Instant at) {
        var updated = jdbc.sql("UPDATE ticket_reads SET seen_at = ? WHERE ticket_id = ? AND user_id = ? AND seen_at < ?")
                .params(TicketRows.timestamp(at), ticket.value(), user.value(), TicketRows.timestamp(at)).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO ticket_reads (ticket_id, user_id, workspace_id, seen_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""")
                    .params(ticket.value(), user.value(), workspace.value(), TicketRows.timestamp(at)).update();
        }
    }

    /** When any member of the team last saw the ticket; empty if nobody has. */
    public Optional<Instant> lastSeenByTeam(WorkspaceId workspace, TicketId ticket) {
        return Optional.ofNullable(jdbc.sql("SELECT MAX(seen_at) FROM ticket_reads WHERE ticket_id = ? AND workspace_id = ?")
                .params(ticket.value(), workspace.value()).query(Timestamp.class).optional().orElse(null))
                .map(Timestamp::toInstant);
    }

    /** Records that the customer saw the team's messages up to {@code upTo}; returns whether that is news. */
    public boolean markReadByCustomer(WorkspaceId workspace, TicketId ticket, Instant upTo) {
        return jdbc.sql("""
                UPDATE tickets SET customer_read_at = ?
                WHERE id = ? AND workspace_id = ? AND (customer_read_at IS NULL OR customer_read_at < ?)""")
                .params(TicketRows.timestamp(upTo), ticket.value(), workspace.value(), TicketRows.timestamp(upTo)).update() == 1;
    }

    /** Up to when the customer has seen the team's messages; empty if never. */
    public Optional<Instant> readByCustomer(WorkspaceId workspace, TicketId ticket) {
        return Optional.ofNullable(jdbc.sql("SELECT customer_read_at FROM tickets WHERE id = ? AND workspace_id = ?")
                .params(ticket.value(), workspace.value()).query(Timestamp.class).optional().orElse(null))
                .map(Timestamp::toInstant);
    }

    /** How many of the customer's messages on each ticket arrived after the member last saw it. */
    public Map<TicketId, Integer> unread(WorkspaceId workspace, UserId user, Collection<TicketId> tickets) {
        var result = new HashMap<TicketId, Integer>();
        if (tickets.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT m.ticket_id, COUNT(*) FROM ticket_timeline m
                LEFT JOIN ticket_reads r ON r.ticket_id = m.ticket_id AND r.user_id = :user
                WHERE m.ticket_id IN (:ids) AND m.workspace_id = :workspace AND m.kind = 'MESSAGE'
                  AND m.actor_type = 'CUSTOMER' AND (r.seen_at IS NULL OR m.created_at > r.seen_at)
                GROUP BY m.ticket_id""")
                .param("user", user.value()).param("workspace", workspace.value())
                .param("ids", tickets.stream().map(TicketId::value).toList())
                .query(rs -> {
                    result.put(new TicketId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
        return result;
    }
}
