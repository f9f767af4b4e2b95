package dev.xiaoer.knowledge.infra;

import dev.xiaoer.knowledge.domain.Synonyms;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each workspace's search synonyms ({@code kb_synonyms}), one row per workspace. */
@Repository
public class SynonymRows {

    private final JdbcClient jdbc;

    SynonymRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Synonyms find(WorkspaceId workspace) {
        return jdbc.sql("SELECT lines FROM kb_synonyms WHERE workspace_id = ?").param(workspace.value())
                .query(String.class).optional().map(Synonyms::parse).orElse(Synonyms.NONE);
    }

    public void save(WorkspaceId workspace, Synonyms synonyms, Instant at) {
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
