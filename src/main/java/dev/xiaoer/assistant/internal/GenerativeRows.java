package dev.xiaoer.assistant.internal;

import dev.xiaoer.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each workspace's generative-answer endpoint ({@code assistant_generative}). */
@Repository
public class GenerativeRows {

    /** As stored, the key included: only the writer reads it. */
    public record Endpoint(boolean enabled, String baseUrl, String model, String apiKey, Instant updatedAt,
                           String updatedBy) {
    }

    private final JdbcClient jdbc;

    GenerativeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Endpoint> find(WorkspaceId workspace) {
        return jdbc.sql("SELECT * FROM assistant_generative WHERE workspace_id = ?").param(workspace.value())
                .query((rs, n) -> new Endpoint(rs.getBoolean("enabled"), rs.getString("base_url"), rs.getString("model"),
                        rs.getString("api_key"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .optional();
    }

    /** Saves the endpoint; a null key keeps the one stored. */
    public void save(WorkspaceId workspace, boolean enabled, String baseUrl, String model, String apiKey, Instant at,
                     String by) {
        var updated = jdbc.sql("""
                UPDATE assistant_generative SET enabled = ?, base_url = ?, model = ?,
                       api_key = COALESCE(?, api_key), updated_at = ?, updated_by = ?
                WHERE workspace_id = ?""")
                .params(enabled, baseUrl, model, apiKey, Timestamp.from(at), by, workspace.value()).update();
        if (updated == 0) {
            insert(workspace, enabled, baseUrl, model, apiKey, at, by);
        }
    }

    private void insert(WorkspaceId workspace, boolean enabled, String baseUrl, String model, String apiKey, Instant at,
                        String by) {
        try {
            jdbc.sql("""
                    INSERT INTO assistant_generative (workspace_id, enabled, base_url, model, api_key, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(workspace.value(), enabled, baseUrl, model, apiKey, Timestamp.from(at), by).update();
        } catch (DuplicateKeyException savedMeanwhile) {
            save(workspace, enabled, baseUrl, model, apiKey, at, by);
        }
    }
}
