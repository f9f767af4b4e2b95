package dev.xiaoer.channel.chat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The client ids of a visitor's chat messages ({@code chat_client_messages}): the first send of a
 * client id claims it, and only the claimant files the message, so a message sent again is stored
 * once however the sends interleave. A message on a going chat is claimed and marked filed at once,
 * in the transaction that files it; a visitor's first message, which opens a ticket in
 * transactions of its own, claims first and is marked filed after (both {@link #claim}).
 */
@Repository
class ChatClientMessages {

    /** How long a client id is remembered: a resend comes within minutes. */
    static final Duration RETENTION = Duration.ofDays(1);

    /**
     * A claim still unfiled after this long was left by a node that stopped mid-way; a resend may
     * take it over. Filing takes seconds at most (lock waits give up after 10 s).
     */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final JdbcClient jdbc;

    ChatClientMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static boolean isValidClientId(String clientId) {
        return clientId != null && CLIENT_ID.matcher(clientId).matches();
    }

    /**
     * Whether this send is the one to file the message: no other send of the client id came first.
     * With {@code ticketNumber}, the message is filed on that ticket in the caller's transaction,
     * which rolls the filing back when this send is not the first; a send of the same id filing at
     * the same moment elsewhere holds the row until it commits or rolls back. Without, the message is
     * filed after the claim commits, and marked {@link #filed} then.
     */
    boolean claim(ChatVisitor visitor, String clientId, Long ticketNumber, Instant now) {
        var inserted = jdbc.sql("""
                INSERT INTO chat_client_messages (workspace_id, visitor_id, client_id, created_at, ticket_number)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(visitor.workspace().value(), visitor.visitorId(), clientId, Timestamp.from(now), ticketNumber)
                .update();
        return inserted == 1 || jdbc.sql("""
                UPDATE chat_client_messages SET created_at = ?, ticket_number = ?
                WHERE workspace_id = ? AND visitor_id = ? AND client_id = ?
                    AND ticket_number IS NULL AND created_at < ?""")
                .params(Timestamp.from(now), ticketNumber, visitor.workspace().value(), visitor.visitorId(), clientId,
                        Timestamp.from(now.minus(ABANDONED_AFTER)))
                .update() == 1;
    }

    void filed(ChatVisitor visitor, String clientId, long ticketNumber) {
        jdbc.sql("""
                UPDATE chat_client_messages SET ticket_number = ?
                WHERE workspace_id = ? AND visitor_id = ? AND client_id = ?""")
                .params(ticketNumber, visitor.workspace().value(), visitor.visitorId(), clientId)
                .update();
    }

    /** The claim of a message that could not be filed is dropped, so that sending it again can succeed. */
    void release(ChatVisitor visitor, String clientId) {
        jdbc.sql("""
                DELETE FROM chat_client_messages
                WHERE workspace_id = ? AND visitor_id = ? AND client_id = ? AND ticket_number IS NULL""")
                .params(visitor.workspace().value(), visitor.visitorId(), clientId)
                .update();
    }

    /** The ticket the message was filed on; empty while its first send is still filing it. */
    Optional<Long> ticketNumber(ChatVisitor visitor, String clientId) {
        return jdbc.sql("""
                SELECT ticket_number FROM chat_client_messages
                WHERE workspace_id = ? AND visitor_id = ? AND client_id = ? AND ticket_number IS NOT NULL""")
                .params(visitor.workspace().value(), visitor.visitorId(), clientId)
                .query(Long.class).optional();
    }

    int forgetCreatedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM chat_client_messages WHERE created_at < ?")
                .param(Timestamp.from(cutoff)).update();
    }
}
