package dev.xiaoer.knowledge.infra;

import dev.xiaoer.knowledge.domain.Synonyms;
import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.kernel.AfterCommit;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each workspace's search synonyms ({@code kb_synonyms}, one row per workspace). Searches read them
 * through {@link #current}, which reads the database at most every {@link #FRESH} on each node, so a
 * change saved on another node applies here within that time (and at once on the node that saved it).
 */
@Repository
public class SynonymRows {

    private static final Duration FRESH = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Map<WorkspaceId, Cached> cache = new ConcurrentHashMap<>();

    SynonymRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Cached(Synonyms synonyms, long readAt) {
    }

    /** The synonyms searches use now. */
    public Synonyms current(WorkspaceId workspace) {
        var cached = cache.get(workspace);
        if (cached == null || System.nanoTime() - cached.readAt() > FRESH.toNanos()) {
            cached = new Cached(find(workspace), System.nanoTime());
            cache.put(workspace, cached);
        }
        return cached.synonyms();
    }

    public Synonyms find(WorkspaceId workspace) {
        return jdbc.sql("SELECT lines FROM kb_synonyms WHERE workspace_id = ?").param(workspace.value())
                .query(String.class).optional().map(Synonyms::parse).orElse(Synonyms.NONE);
    }

    /** Saves them; searches on this node use them once the transaction commits. */
    public void save(WorkspaceId workspace, Synonyms synonyms, Instant at) {
        AfterCommit.run(() -> cache.remove(workspace));
        if (update(workspace, synonyms, at)) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO kb_synonyms (workspace_id, lines, updated_at) VALUES (?, ?, ?)")
                    .params(workspace.value(), synonyms.text(), Timestamp.from(at)).update();
        } catch (DuplicateKeyException savedMeanwhile) {
            update(workspace, synonyms, at);
        }
    }

    private boolean update(WorkspaceId workspace, Synonyms synonyms, Instant at) {
        return jdbc.sql("UPDATE kb_synonyms SET lines = ?, updated_at = ? WHERE workspace_id = ?")
                .params(synonyms.text(), Timestamp.from(at), workspace.value()).update() == 1;
    }
}
