package dev.xiaoer.knowledge.infra;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.knowledge.ImportId;
import dev.xiaoer.knowledge.ImportKind;
import dev.xiaoer.knowledge.ImportRowError;
import dev.xiaoer.knowledge.ImportStatus;
import dev.xiaoer.knowledge.KnowledgeImport;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Imports ({@code kb_imports}) and the rows they refused ({@code kb_import_errors}). */
@Repository
public class ImportRows {

    /** What a row tells of its outcome, counted in the import. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED, FAILED }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(KnowledgeImport started, Actor actor, byte[] content) {
        jdbc.sql("""
                INSERT INTO kb_imports (id, workspace_id, kind, file_name, content, status, total, processed, created,
                                        updated, unchanged, failed, actor_type, actor_id, actor_name, actor_role, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?)""")
                .params(started.id().value(), started.workspace().value(), started.kind().name(), started.fileName(),
                        content, started.status().name(), started.total(), actor.type().name(), actor.id(),
                        actor.name(), actor.role() == null ? null : actor.role().name(),
                        Timestamp.from(started.createdAt()))
                .update();
    }

    public Optional<KnowledgeImport> find(WorkspaceId workspace, ImportId id) {
        return jdbc.sql("SELECT * FROM kb_imports WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), id.value()).query(ImportRows::knowledgeImport).optional();
    }

    /** The import with who started it, for the node that runs it. */
    public Optional<Started> started(ImportId id) {
        return jdbc.sql("SELECT * FROM kb_imports WHERE id = ?").param(id.value()).query((row, n) -> {
            var workspace = new WorkspaceId(row.getObject("workspace_id", UUID.class));
            var role = row.getString("actor_role");
            var actor = new Actor(Actor.Type.valueOf(row.getString("actor_type")), row.getObject("actor_id", UUID.class),
                    row.getString("actor_name"), workspace, role == null ? null : Role.valueOf(role));
            return new Started(knowledgeImport(row, n), actor, row.getBytes("content"));
        }).optional();
    }

    /** An import, who started it and its file. */
    public record Started(KnowledgeImport knowledgeImport, Actor actor, byte[] content) {
    }

    public List<KnowledgeImport> recent(WorkspaceId workspace, int limit) {
        return jdbc.sql("SELECT * FROM kb_imports WHERE workspace_id = ? ORDER BY created_at DESC, id LIMIT ?")
                .params(workspace.value(), limit).query(ImportRows::knowledgeImport).list();
    }

    public void status(ImportId id, ImportStatus status) {
        jdbc.sql("UPDATE kb_imports SET status = ? WHERE id = ?").params(status.name(), id.value()).update();
    }

    /**
     * Counts one more row with its outcome, provided {@code processedBefore} rows were processed so far:
     * false if another run counted that row already.
     */
    public boolean count(ImportId id, int processedBefore, Outcome outcome) {
        var column = outcome.name().toLowerCase(Locale.ROOT);
        return jdbc.sql("UPDATE kb_imports SET processed = processed + 1, " + column + " = " + column + " + 1"
                        + " WHERE id = ? AND processed = ?")
                .params(id.value(), processedBefore).update() == 1;
    }

    /** Marks the import finished and lets go of its file. */
    public void finish(ImportId id, ImportStatus status, Instant at) {
        jdbc.sql("UPDATE kb_imports SET status = ?, finished_at = ?, content = ? WHERE id = ?")
                .params(status.name(), Timestamp.from(at), new byte[0], id.value()).update();
    }

    public void insertError(ImportId id, ImportRowError error) {
        jdbc.sql("""
                INSERT INTO kb_import_errors (import_id, row_no, source, field, code, arguments, row_values)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), error.row(), error.source(), error.field(), error.code(),
                        json.writeValueAsString(error.arguments()), json.writeValueAsString(error.values()))
                .update();
    }

    /** The rows the import refused, in the file's order; at most {@code limit}. */
    public List<ImportRowError> errors(ImportId id, int limit) {
        return jdbc.sql("SELECT * FROM kb_import_errors WHERE import_id = ? ORDER BY row_no LIMIT ?")
                .params(id.value(), limit)
                .query((row, n) -> new ImportRowError(row.getInt("row_no"), row.getString("source"),
                        row.getString("field"), row.getString("code"),
                        json.readValue(row.getString("arguments"), STRINGS),
                        json.readValue(row.getString("row_values"), VALUES)))
                .list();
    }

    private static KnowledgeImport knowledgeImport(ResultSet row, int n) throws SQLException {
        var finished = row.getTimestamp("finished_at");
        return new KnowledgeImport(new ImportId(row.getObject("id", UUID.class)),
                new WorkspaceId(row.getObject("workspace_id", UUID.class)), ImportKind.valueOf(row.getString("kind")),
                row.getString("file_name"), ImportStatus.valueOf(row.getString("status")), row.getInt("total"),
                row.getInt("processed"), row.getInt("created"), row.getInt("updated"), row.getInt("unchanged"),
                row.getInt("failed"), row.getString("actor_name"), row.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
