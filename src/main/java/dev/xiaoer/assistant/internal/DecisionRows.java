package dev.xiaoer.assistant.internal;

import dev.xiaoer.assistant.DecisionId;
import dev.xiaoer.assistant.DecisionKind;
import dev.xiaoer.assistant.HandOffReason;
import dev.xiaoer.knowledge.FaqId;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The assistant's decisions ({@code assistant_decisions}). */
@Repository
public class DecisionRows {

    /** Whether the customer found an answer helpful. */
    public enum Outcome { HELPFUL, UNHELPFUL }

    /** A recorded decision as stored. */
    public record Row(DecisionId id, WorkspaceId workspace, String conversation, String channel, String question,
                      String language, DecisionKind kind, HandOffReason reason, FaqId faq, double confidence,
                      double nearest, List<Weighed> candidates, Outcome outcome, Instant createdAt) {
    }

    /** A candidate FAQ entry weighed for a decision. */
    public record Weighed(FaqId faq, double probability) {
    }

    private final JdbcClient jdbc;

    DecisionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row row) {
        jdbc.sql("""
                INSERT INTO assistant_decisions (id, workspace_id, conversation, channel, question, language, kind,
                                                 reason, faq_id, confidence, nearest, candidates, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id().value(), row.workspace().value(), row.conversation(), row.channel(), row.question(),
                        row.language(), row.kind().name(), row.reason() == null ? null : row.reason().name(),
                        row.faq() == null ? null : row.faq().value(), row.confidence(), row.nearest(),
                        encode(row.candidates()), Timestamp.from(row.createdAt()))
                .update();
    }

    public Optional<Row> find(WorkspaceId workspace, DecisionId id) {
        return jdbc.sql("SELECT * FROM assistant_decisions WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), id.value()).query(DecisionRows::row).optional();
    }

    /** Records the customer's verdict on an answer; a later verdict replaces an earlier one. */
    public void outcome(WorkspaceId workspace, DecisionId id, Outcome outcome, Instant at) {
        jdbc.sql("UPDATE assistant_decisions SET outcome = ?, outcome_at = ? WHERE workspace_id = ? AND id = ?")
                .params(outcome.name(), Timestamp.from(at), workspace.value(), id.value()).update();
    }

    /** The conversation's answers, latest first. */
    public List<Row> answersOf(WorkspaceId workspace, String conversation, int limit) {
        return jdbc.sql("""
                SELECT * FROM assistant_decisions WHERE workspace_id = ? AND conversation = ? AND kind = 'ANSWER'
                ORDER BY created_at DESC, id LIMIT ?""")
                .params(workspace.value(), conversation, limit).query(DecisionRows::row).list();
    }

    private static String encode(List<Weighed> candidates) {
        var text = new StringBuilder();
        for (var candidate : candidates) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(candidate.faq().value()).append(':').append(String.format(Locale.ROOT, "%.4f", candidate.probability()));
        }
        return text.toString();
    }

    private static List<Weighed> decode(String text) {
        List<Weighed> candidates = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return candidates;
        }
        for (var part : text.split(" ")) {
            var at = part.indexOf(':');
            candidates.add(new Weighed(new FaqId(UUID.fromString(part.substring(0, at))),
                    Double.parseDouble(part.substring(at + 1))));
        }
        return candidates;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var faq = rs.getObject("faq_id", UUID.class);
        var reason = rs.getString("reason");
        var outcome = rs.getString("outcome");
        return new Row(new DecisionId(rs.getObject("id", UUID.class)), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("conversation"), rs.getString("channel"), rs.getString("question"), rs.getString("language"),
                DecisionKind.valueOf(rs.getString("kind")), reason == null ? null : HandOffReason.valueOf(reason),
                faq == null ? null : new FaqId(faq), rs.getDouble("confidence"), rs.getDouble("nearest"),
                decode(rs.getString("candidates")), outcome == null ? null : Outcome.valueOf(outcome),
                rs.getTimestamp("created_at").toInstant());
    }
}
