package dev.xiaoer.channel.infra;

import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which ticket each external conversation thread is filed on ({@code channel_threads}). */
@Repository
public class ThreadRows {

    public record Thread(CustomerId customer, TicketId ticket) {
    }

    private final JdbcClient jdbc;

    ThreadRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Thread> find(WorkspaceId workspace, TicketChannel channel, String threadId) {
        return jdbc.sql("""
                SELECT customer_id, ticket_id FROM channel_threads
                WHERE workspace_id = ? AND channel = ? AND external_thread_id = ?""")
                .params(workspace.value(), channel.name(), threadId)
                .query((rs, n) -> new Thread(new CustomerId(rs.getObject(1, UUID.class)),
                        new TicketId(rs.getObject(2, UUID.class))))
                .optional();
    }

    /** The channel's threads filed on this ticket (usually one). */
    public List<String> threadsOf(WorkspaceId workspace, TicketChannel channel, TicketId ticket) {
        return jdbc.sql("""
                SELECT external_thread_id FROM channel_threads
                WHERE ticket_id = ? AND workspace_id = ? AND channel = ?""")
                .params(ticket.value(), workspace.value(), channel.name())
                .query(String.class).list();
    }

    /** The channel's threads filed on each of these tickets, in one query. */
    public Map<TicketId, List<String>> threadsOf(WorkspaceId workspace, TicketChannel channel,
                                                 Collection<TicketId> tickets) {
        var result = new HashMap<TicketId, List<String>>();
        if (tickets.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT ticket_id, external_thread_id FROM channel_threads
                WHERE ticket_id IN (:tickets) AND workspace_id = :workspace AND channel = :channel""")
                .param("tickets", tickets.stream().map(TicketId::value).toList())
                .param("workspace", workspace.value()).param("channel", channel.name())
                .query(rs -> {
                    result.computeIfAbsent(new TicketId(rs.getObject(1, UUID.class)), id -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return result;
    }

    /** Files the thread on this ticket unless it is filed already; returns whether it was. */
    public boolean claim(WorkspaceId workspace, TicketChannel channel, String threadId, CustomerId customer,
                         TicketId ticket, Instant now) {
        return jdbc.sql("""
                INSERT INTO channel_threads (workspace_id, channel, external_thread_id, customer_id, ticket_id,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(workspace.value(), channel.name(), threadId, customer.value(), ticket.value(),
                        Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    /** The thread continues on another ticket (a follow-up, or the ticket it was merged into). */
    public void move(WorkspaceId workspace, TicketChannel channel, String threadId, TicketId ticket, Instant now) {
        jdbc.sql("""
                UPDATE channel_threads SET ticket_id = ?, updated_at = ?
                WHERE workspace_id = ? AND channel = ? AND external_thread_id = ?""")
                .params(ticket.value(), Timestamp.from(now), workspace.value(), channel.name(), threadId)
                .update();
    }

    /** Answers on this thread go by e-mail to {@code address} while the customer is not connected. */
    public void replyByEmail(WorkspaceId workspace, TicketChannel channel, String threadId, String address) {
        jdbc.sql("""
                UPDATE channel_threads SET reply_email = ?
                WHERE workspace_id = ? AND channel = ? AND external_thread_id = ?""")
                .params(address, workspace.value(), channel.name(), threadId)
                .update();
    }

    /** The channel's threads filed on this ticket that asked for answers by e-mail, with their address. */
    public List<EmailReplies> emailRepliesOf(WorkspaceId workspace, TicketChannel channel, TicketId ticket) {
        return jdbc.sql("""
                SELECT external_thread_id, reply_email FROM channel_threads
                WHERE ticket_id = ? AND workspace_id = ? AND channel = ? AND reply_email IS NOT NULL""")
                .params(ticket.value(), workspace.value(), channel.name())
                .query((rs, n) -> new EmailReplies(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** A thread whose answers go to {@code address} by e-mail. */
    public record EmailReplies(String threadId, String address) {
    }

    public void changeCustomer(WorkspaceId workspace, CustomerId from, CustomerId to) {
        jdbc.sql("UPDATE channel_threads SET customer_id = ? WHERE workspace_id = ? AND customer_id = ?")
                .params(to.value(), workspace.value(), from.value())
                .update();
    }
}
