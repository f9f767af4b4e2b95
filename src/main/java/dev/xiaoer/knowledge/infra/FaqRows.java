package dev.xiaoer.knowledge.infra;

import dev.xiaoer.knowledge.ArticleId;
import dev.xiaoer.knowledge.Faq;
import dev.xiaoer.knowledge.FaqAction;
import dev.xiaoer.knowledge.FaqId;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** FAQ entries ({@code kb_faqs}); phrasings are stored one per line. Deleting keeps the row, marked. */
@Repository
public class FaqRows {

    private final JdbcClient jdbc;

    FaqRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Faq faq) {
        jdbc.sql("""
                INSERT INTO kb_faqs (id, workspace_id, language, question, answer, expectation, phrasings, article_id,
                                     action, deleted, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)""")
                .params(faq.id().value(), faq.workspace().value(), faq.language(), faq.question(), faq.answer(),
                        faq.expectation(), String.join("\n", faq.phrasings()),
                        faq.article() == null ? null : faq.article().value(), faq.action().name(), faq.version(),
                        Timestamp.from(faq.createdAt()), Timestamp.from(faq.updatedAt()))
                .update();
    }

    /** Saves the entry's new state unless it was deleted; false if there is none to save. */
    public boolean update(Faq faq) {
        return jdbc.sql("""
                UPDATE kb_faqs SET language = ?, question = ?, answer = ?, expectation = ?, phrasings = ?, article_id = ?,
                       action = ?, version = ?, updated_at = ?
                WHERE workspace_id = ? AND id = ? AND NOT deleted""")
                .params(faq.language(), faq.question(), faq.answer(), faq.expectation(),
                        String.join("\n", faq.phrasings()), faq.article() == null ? null : faq.article().value(),
                        faq.action().name(), faq.version(), Timestamp.from(faq.updatedAt()), faq.workspace().value(),
                        faq.id().value())
                .update() == 1;
    }

    public boolean delete(WorkspaceId workspace, FaqId id, Instant at) {
        return jdbc.sql("UPDATE kb_faqs SET deleted = TRUE, updated_at = ? WHERE workspace_id = ? AND id = ? AND NOT deleted")
                .params(Timestamp.from(at), workspace.value(), id.value()).update() == 1;
    }

    public Optional<Faq> find(WorkspaceId workspace, FaqId id) {
        return jdbc.sql("SELECT * FROM kb_faqs WHERE workspace_id = ? AND id = ? AND NOT deleted")
                .params(workspace.value(), id.value()).query(FaqRows::faq).optional();
    }

    /** The workspace's entry in that language asking that question, in any case, if any. */
    public Optional<Faq> findByQuestion(WorkspaceId workspace, String language, String question) {
        return jdbc.sql("""
                SELECT * FROM kb_faqs WHERE workspace_id = ? AND language = ? AND LOWER(question) = LOWER(?) AND NOT deleted
                ORDER BY created_at, id LIMIT 1""")
                .params(workspace.value(), language, question).query(FaqRows::faq).optional();
    }

    /** The workspace's entries by question. */
    public List<Faq> list(WorkspaceId workspace, int limit) {
        return jdbc.sql("SELECT * FROM kb_faqs WHERE workspace_id = ? AND NOT deleted ORDER BY question, id LIMIT ?")
                .params(workspace.value(), limit).query(FaqRows::faq).list();
    }

    public int count(WorkspaceId workspace) {
        return jdbc.sql("SELECT COUNT(*) FROM kb_faqs WHERE workspace_id = ? AND NOT deleted").param(workspace.value())
                .query(Integer.class).single();
    }

    /** Every entry of every workspace that is not deleted: what a node's index holds. */
    public void eachLive(Consumer<Faq> action) {
        jdbc.sql("SELECT * FROM kb_faqs WHERE NOT deleted").query(FaqRows::faq).stream().forEach(action);
    }

    /** Entries of any workspace changed at or after the instant, with whether each was deleted, oldest first. */
    public void changedSince(Instant since, BiConsumer<Faq, Boolean> action) {
        jdbc.sql("SELECT * FROM kb_faqs WHERE updated_at >= ? ORDER BY updated_at, id").param(Timestamp.from(since))
                .query((row, n) -> {
                    action.accept(faq(row, n), row.getBoolean("deleted"));
                    return null;
                }).list();
    }

    public Optional<Instant> latestChange() {
        return jdbc.sql("SELECT MAX(updated_at) FROM kb_faqs").query(Timestamp.class).list().stream()
                .filter(Objects::nonNull).map(Timestamp::toInstant).findFirst();
    }

    private static Faq faq(ResultSet row, int n) throws SQLException {
        var article = row.getObject("article_id", UUID.class);
        var phrasings = row.getString("phrasings");
        return new Faq(new FaqId(row.getObject("id", UUID.class)), new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                row.getString("language"), row.getString("question"), row.getString("answer"),
                row.getString("expectation"), phrasings.isEmpty() ? List.of() : List.of(phrasings.split("\n")),
                article == null ? null : new ArticleId(article), FaqAction.valueOf(row.getString("action")),
                row.getInt("version"), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }

    /** Changes whenever an entry of the workspace is added, changed or deleted. */
    public String revision(WorkspaceId workspace) {
        return jdbc.sql("SELECT COUNT(*), MAX(updated_at), SUM(version) FROM kb_faqs WHERE workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getTimestamp(2) + "/" + rs.getLong(3))
                .single();
    }
}
