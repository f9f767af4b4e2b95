package dev.xiaoer.automation.infra;

import dev.xiaoer.automation.CannedReply;
import dev.xiaoer.automation.CannedReplyId;
import dev.xiaoer.automation.CannedReplyText;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Canned replies ({@code canned_replies}) and their texts ({@code canned_reply_texts}, one row per
 * language, in the order written). {@code title_key} is the title in lower case, unique per workspace.
 */
@Repository
public class CannedReplyRows {

    private final JdbcClient jdbc;

    CannedReplyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The replies whose title, shortcut or any text contains the query (ignoring case); all of them
     * for a blank query. A shortcut equal to the query comes first, then titles starting with it,
     * then the rest, each by title.
     */
    public List<CannedReply> search(WorkspaceId workspace, String query, int limit) {
        var params = new HashMap<String, Object>();
        params.put("workspace", workspace.value());
        params.put("limit", limit);
        var sql = new StringBuilder("SELECT r.* FROM canned_replies r WHERE r.workspace_id = :workspace");
        var text = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            sql.append(" ORDER BY r.title_key, r.id");
        } else {
            params.put("text", "%" + escapeLike(text) + "%");
            params.put("prefix", escapeLike(text) + "%");
            params.put("exact", text);
            sql.append("""
                     AND (r.title_key LIKE :text ESCAPE '\\' OR r.shortcut LIKE :text ESCAPE '\\'
                          OR EXISTS (SELECT 1 FROM canned_reply_texts t
                                     WHERE t.workspace_id = :workspace AND t.reply_id = r.id
                                       AND LOWER(t.body) LIKE :text ESCAPE '\\'))
                    ORDER BY CASE WHEN r.shortcut = :exact THEN 0 WHEN r.title_key LIKE :prefix ESCAPE '\\' THEN 1
                                  ELSE 2 END, r.title_key, r.id""");
        }
        sql.append(" LIMIT :limit");
        var rows = jdbc.sql(sql.toString()).params(params).query(this::row).list();
        return withTexts(workspace, rows);
    }

    public Optional<CannedReply> find(WorkspaceId workspace, CannedReplyId id) {
        var row = jdbc.sql("SELECT * FROM canned_replies WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), id.value()).query(this::row).optional();
        return row.map(found -> withTexts(workspace, List.of(found)).getFirst());
    }

    /** The reply other than {@code except} that has this title (compared in lower case), if any. */
    public Optional<CannedReplyId> withTitle(WorkspaceId workspace, String titleKey, CannedReplyId except) {
        return other(workspace, "title_key", titleKey, except);
    }

    /** The reply other than {@code except} that has this shortcut, if any. */
    public Optional<CannedReplyId> withShortcut(WorkspaceId workspace, String shortcut, CannedReplyId except) {
        return other(workspace, "shortcut", shortcut, except);
    }

    public int count(WorkspaceId workspace) {
        return jdbc.sql("SELECT COUNT(*) FROM canned_replies WHERE workspace_id = ?")
                .param(workspace.value()).query(Integer.class).single();
    }

    /** Inserts the reply and its texts unless its title or shortcut is taken; returns whether it did. */
    public boolean insert(CannedReply reply, String titleKey) {
        var inserted = jdbc.sql("""
                INSERT INTO canned_replies (id, workspace_id, title, title_key, shortcut, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(reply.id().value(), reply.workspace().value(), reply.title(), titleKey, reply.shortcut(),
                        Timestamp.from(reply.createdAt()), Timestamp.from(reply.updatedAt()))
                .update() == 1;
        if (inserted) {
            insertTexts(reply);
        }
        return inserted;
    }

    /** Replaces the reply's title, shortcut and texts. */
    public void update(CannedReply reply, String titleKey) {
        jdbc.sql("""
                UPDATE canned_replies SET title = ?, title_key = ?, shortcut = ?, updated_at = ?
                WHERE workspace_id = ? AND id = ?""")
                .params(reply.title(), titleKey, reply.shortcut(), Timestamp.from(reply.updatedAt()),
                        reply.workspace().value(), reply.id().value())
                .update();
        deleteTexts(reply.workspace(), reply.id());
        insertTexts(reply);
    }

    /** Returns whether the workspace had this reply. */
    public boolean delete(WorkspaceId workspace, CannedReplyId id) {
        deleteTexts(workspace, id);
        return jdbc.sql("DELETE FROM canned_replies WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), id.value()).update() == 1;
    }

    private Optional<CannedReplyId> other(WorkspaceId workspace, String column, String value, CannedReplyId except) {
        return jdbc.sql("SELECT id FROM canned_replies WHERE workspace_id = ? AND " + column + " = ? AND id <> ?")
                .params(workspace.value(), value, except == null ? new UUID(0, 0) : except.value())
                .query((rs, n) -> new CannedReplyId(rs.getObject(1, UUID.class))).optional();
    }

    private void insertTexts(CannedReply reply) {
        var order = 0;
        for (var text : reply.texts()) {
            jdbc.sql("""
                    INSERT INTO canned_reply_texts (reply_id, workspace_id, language, sort_order, body)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(reply.id().value(), reply.workspace().value(), text.language(), order++, text.text())
                    .update();
        }
    }

    private void deleteTexts(WorkspaceId workspace, CannedReplyId id) {
        jdbc.sql("DELETE FROM canned_reply_texts WHERE workspace_id = ? AND reply_id = ?")
                .params(workspace.value(), id.value()).update();
    }

    /** The replies as read, each with its texts, read in one query for all of them. */
    private List<CannedReply> withTexts(WorkspaceId workspace, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var texts = new LinkedHashMap<UUID, List<CannedReplyText>>();
        rows.forEach(row -> texts.put(row.id(), new ArrayList<>()));
        jdbc.sql("""
                SELECT reply_id, language, body FROM canned_reply_texts
                WHERE workspace_id = :workspace AND reply_id IN (:ids) ORDER BY reply_id, sort_order""")
                .param("workspace", workspace.value())
                .param("ids", List.copyOf(texts.keySet()))
                .query(rs -> {
                    texts.get(rs.getObject("reply_id", UUID.class))
                            .add(new CannedReplyText(rs.getString("language"), rs.getString("body")));
                });
        return rows.stream().map(row -> new CannedReply(new CannedReplyId(row.id()), workspace, row.title(),
                row.shortcut(), texts.get(row.id()), row.createdAt().toInstant(), row.updatedAt().toInstant()))
                .toList();
    }

    private record Row(UUID id, String title, String shortcut, Timestamp createdAt, Timestamp updatedAt) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("shortcut"),
                rs.getTimestamp("created_at"), rs.getTimestamp("updated_at"));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
