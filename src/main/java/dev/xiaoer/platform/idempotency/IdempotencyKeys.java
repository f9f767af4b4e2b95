package dev.xiaoer.platform.idempotency;

import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The remembered keys and the responses their first request got. Joins the caller's transaction. */
@Repository
class IdempotencyKeys {

    private static final int MAX_PATH = 2000;

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Key(WorkspaceId workspace, String value) {
    }

    record StoredResponse(int status, String location, String etag, String contentType, byte[] body) {
    }

    /** A remembered key; {@code response} is empty while its request has not completed. */
    record Entry(String requestHash, Optional<StoredResponse> response) {
    }

    /**
     * Takes the key for a new request; false when another request holds it. An expired row is
     * removed first, so a key can be used again once it has expired even before the cleanup ran.
     * On PostgreSQL, a concurrent uncommitted claim of the same key makes this wait for its outcome.
     */
    boolean claim(Key key, String method, String path, Instant now, Instant expiredBefore) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE workspace_id = ? AND idempotency_key = ? AND created_at < ?")
                .params(key.workspace().value(), key.value(), Timestamp.from(expiredBefore))
                .update();
        return jdbc.sql("""
                INSERT INTO idempotency_keys (workspace_id, idempotency_key, request_method, request_path, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(key.workspace().value(), key.value(), method,
                        path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path, Timestamp.from(now))
                .update() == 1;
    }

    Optional<Entry> find(Key key) {
        return jdbc.sql("SELECT * FROM idempotency_keys WHERE workspace_id = ? AND idempotency_key = ?")
                .params(key.workspace().value(), key.value())
                .query(IdempotencyKeys::entry)
                .optional();
    }

    void complete(Key key, String requestHash, StoredResponse response) {
        jdbc.sql("""
                UPDATE idempotency_keys SET request_hash = ?, response_status = ?, response_location = ?,
                       response_etag = ?, response_content_type = ?, response_body = ?
                WHERE workspace_id = ? AND idempotency_key = ?""")
                .params(requestHash, response.status(), response.location(), response.etag(),
                        response.contentType(), response.body(), key.workspace().value(), key.value())
                .update();
    }

    /** Forgets keys created before {@code cutoff}; returns how many. */
    int purgeCreatedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?").param(Timestamp.from(cutoff)).update();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        var status = rs.getInt("response_status");
        var response = rs.wasNull() ? Optional.<StoredResponse>empty()
                : Optional.of(new StoredResponse(status, rs.getString("response_location"), rs.getString("response_etag"),
                        rs.getString("response_content_type"), rs.getBytes("response_body")));
        return new Entry(rs.getString("request_hash"), response);
    }
}
