package dev.xiaoer.assistant.internal;

import dev.xiaoer.assistant.DecisionId;
import dev.xiaoer.assistant.DecisionKind;
import dev.xiaoer.assistant.HandOffReason;
import dev.xiaoer.knowledge.ArticleId;
import dev.xiaoer.knowledge.FaqId;
import dev.xiaoer.workspace.WorkspaceId;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
                      double nearest, List<Weighed> candidates, Outcome outcome, Instant createdAt, Writing writing) {
    }

    /**
     * What became of asking the writer (generative answers) about the question; null when it was not asked.
     *
     * @param text    the answer it wrote, when used
     * @param sources the articles that answer cites
     */
    public record Writing(WrittenAnswer.Outcome outcome, String text, List<ArticleId> sources) {

        public Writing {
            sources = List.copyOf(sources);
        }
    }

    /** A candidate FAQ entry weighed for a decision. */
    public record Weighed(FaqId faq, double probability) {
    }

    private final JdbcClient jdbc;

    DecisionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the gaps report closes a question with. */
    public enum GapState { COVERED, DISMISSED }

    /** A question the assistant could not settle: clarified, handed off as not understood, or answered unhelpfully. */
    public record Gap(DecisionId id, String question, String language, float[] embedding, Instant createdAt) {
    }

    /** Records the decision, with the embedding of the question when the model read it (else null). */
    public void insert(Row row, float[] embedding) {
        var writing = row.writing();
        jdbc.sql("""
                INSERT INTO assistant_decisions (id, workspace_id, conversation, channel, question, language, kind,
                                                 reason, faq_id, confidence, nearest, candidates, created_at, embedding,
                                                 writer, written, sources)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id().value(), row.workspace().value(), row.conversation(), row.channel(), row.question(),
                        row.language(), row.kind().name(), row.reason() == null ? null : row.reason().name(),
                        row.faq() == null ? null : row.faq().value(), row.confidence(), row.nearest(),
                        encode(row.candidates()), Timestamp.from(row.createdAt()), bytes(embedding),
                        writing == null ? null : writing.outcome().name(), writing == null ? null : writing.text(),
                        writing == null ? null : String.join(" ", writing.sources().stream().map(a -> a.value().toString()).toList()))
                .update();
    }

    /** The workspace's open gaps asked since the instant, newest first. */
    public List<Gap> openGaps(WorkspaceId workspace, Instant since, int limit) {
        return jdbc.sql("""
                SELECT id, question, language, embedding, created_at FROM assistant_decisions
                WHERE workspace_id = ? AND created_at >= ? AND gap IS NULL AND embedding IS NOT NULL
                  AND (kind = 'CLARIFY' OR (kind = 'HAND_OFF' AND reason = 'NOT_UNDERSTOOD') OR outcome = 'UNHELPFUL')
                ORDER BY created_at DESC, id LIMIT ?""")
                .params(workspace.value(), Timestamp.from(since), limit)
                .query((rs, n) -> new Gap(new DecisionId(rs.getObject("id", UUID.class)), rs.getString("question"),
                        rs.getString("language"), floats(rs.getBytes("embedding")), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The questions of the workspace's open gaps among the decisions, each once, newest first. */
    public List<String> openGapQuestions(WorkspaceId workspace, List<DecisionId> decisions) {
        if (decisions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT question FROM assistant_decisions
                WHERE workspace_id = :workspace AND id IN (:ids) AND gap IS NULL ORDER BY created_at DESC, id""")
                .param("workspace", workspace.value()).param("ids", decisions.stream().map(DecisionId::value).toList())
                .query(String.class).list().stream().distinct().toList();
    }

    /** Closes the workspace's open gaps among the decisions; how many it closed. */
    public int closeGaps(WorkspaceId workspace, List<DecisionId> decisions, GapState state, FaqId faq) {
        if (decisions.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE assistant_decisions SET gap = :state, gap_faq_id = :faq
                WHERE workspace_id = :workspace AND id IN (:ids) AND gap IS NULL""")
                .param("state", state.name()).param("faq", faq == null ? null : faq.value())
                .param("workspace", workspace.value())
                .param("ids", decisions.stream().map(DecisionId::value).toList())
                .update();
    }

    /** Conversation-level counts since the instant. */
    public record Totals(int decisions, int conversations, int contained, int handedOff, int answers, int written,
                         int helpful, int unhelpful) {
    }

    /** One FAQ entry's answers since the instant. */
    public record IntentCounts(FaqId faq, int answers, int helpful, int unhelpful) {
    }

    public Totals totals(WorkspaceId workspace, Instant since) {
        var conversations = jdbc.sql("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN handed = 0 AND answered > 0 THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN handed > 0 THEN 1 ELSE 0 END), 0)
                FROM (SELECT COALESCE(conversation, CAST(id AS VARCHAR(36))) AS thread,
                             SUM(CASE WHEN kind = 'HAND_OFF' THEN 1 ELSE 0 END) AS handed,
                             SUM(CASE WHEN kind = 'ANSWER' THEN 1 ELSE 0 END) AS answered
                      FROM assistant_decisions WHERE workspace_id = ? AND created_at >= ?
                      GROUP BY COALESCE(conversation, CAST(id AS VARCHAR(36)))) per_conversation""")
                .params(workspace.value(), Timestamp.from(since))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
        return jdbc.sql("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN kind = 'ANSWER' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN kind = 'ANSWER' AND writer = 'ANSWERED' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN outcome = 'HELPFUL' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN outcome = 'UNHELPFUL' THEN 1 ELSE 0 END), 0)
                FROM assistant_decisions WHERE workspace_id = ? AND created_at >= ?""")
                .params(workspace.value(), Timestamp.from(since))
                .query((rs, n) -> new Totals(rs.getInt(1), conversations[0], conversations[1], conversations[2],
                        rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .single();
    }

    public Map<HandOffReason, Integer> handOffs(WorkspaceId workspace, Instant since) {
        var reasons = new EnumMap<HandOffReason, Integer>(HandOffReason.class);
        jdbc.sql("""
                SELECT reason, COUNT(*) FROM assistant_decisions
                WHERE workspace_id = ? AND created_at >= ? AND kind = 'HAND_OFF' AND reason IS NOT NULL GROUP BY reason""")
                .params(workspace.value(), Timestamp.from(since))
                .query((rs, n) -> reasons.put(HandOffReason.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return reasons;
    }

    /** The entries that answered most, most first. */
    public List<IntentCounts> intents(WorkspaceId workspace, Instant since, int limit) {
        return jdbc.sql("""
                SELECT faq_id, COUNT(*) AS answers, SUM(CASE WHEN outcome = 'HELPFUL' THEN 1 ELSE 0 END) AS helpful,
                       SUM(CASE WHEN outcome = 'UNHELPFUL' THEN 1 ELSE 0 END) AS unhelpful
                FROM assistant_decisions
                WHERE workspace_id = ? AND created_at >= ? AND kind = 'ANSWER' AND faq_id IS NOT NULL
                GROUP BY faq_id ORDER BY answers DESC, faq_id LIMIT ?""")
                .params(workspace.value(), Timestamp.from(since), limit)
                .query((rs, n) -> new IntentCounts(new FaqId(rs.getObject(1, UUID.class)), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4)))
                .list();
    }

    private static byte[] bytes(float[] vector) {
        if (vector == null) {
            return null;
        }
        var buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static float[] floats(byte[] bytes) {
        var vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
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
        var writer = rs.getString("writer");
        var sources = rs.getString("sources");
        return new Row(new DecisionId(rs.getObject("id", UUID.class)), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("conversation"), rs.getString("channel"), rs.getString("question"), rs.getString("language"),
                DecisionKind.valueOf(rs.getString("kind")), reason == null ? null : HandOffReason.valueOf(reason),
                faq == null ? null : new FaqId(faq), rs.getDouble("confidence"), rs.getDouble("nearest"),
                decode(rs.getString("candidates")), outcome == null ? null : Outcome.valueOf(outcome),
                rs.getTimestamp("created_at").toInstant(), writer == null ? null
                : new Writing(WrittenAnswer.Outcome.valueOf(writer), rs.getString("written"), sources == null || sources.isBlank()
                ? List.of() : Arrays.stream(sources.split(" ")).map(id -> new ArticleId(UUID.fromString(id))).toList()));
    }
}
