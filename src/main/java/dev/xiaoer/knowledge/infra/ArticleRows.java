package dev.xiaoer.knowledge.infra;

import dev.xiaoer.knowledge.Article;
import dev.xiaoer.knowledge.ArticleId;
import dev.xiaoer.knowledge.ArticleStatus;
import dev.xiaoer.knowledge.ArticleVersion;
import dev.xiaoer.knowledge.ArticleVotes;
import dev.xiaoer.knowledge.CategoryId;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Articles ({@code kb_articles}) and their saved versions ({@code kb_article_versions}). Tags are
 * stored comma-joined: they are shown and indexed, never queried in SQL.
 */
@Repository
public class ArticleRows {

    private final JdbcClient jdbc;

    ArticleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Article article) {
        jdbc.sql("""
                INSERT INTO kb_articles (id, workspace_id, translation_group, language, slug, title, body, category_id,
                                         tags, status, version, author_name, reviewer_name, created_at, updated_at,
                                         published_at)
                VALUES (:id, :workspace, :group, :language, :slug, :title, :body, :category, :tags, :status, :version,
                        :author, :reviewer, :createdAt, :updatedAt, :publishedAt)""")
                .param("id", article.id().value())
                .param("workspace", article.workspace().value())
                .param("group", article.translationGroup())
                .param("language", article.language())
                .param("slug", article.slug())
                .params(fields(article))
                .param("author", article.author())
                .param("createdAt", Timestamp.from(article.createdAt()))
                .update();
    }

    /** Saves the article's new state when its stored version is {@code expectedVersion}; false if not. */
    public boolean update(Article article, int expectedVersion) {
        return jdbc.sql("""
                UPDATE kb_articles SET title = :title, body = :body, category_id = :category, tags = :tags,
                       status = :status, version = :version, reviewer_name = :reviewer, updated_at = :updatedAt,
                       published_at = :publishedAt
                WHERE workspace_id = :workspace AND id = :id AND version = :expected""")
                .param("id", article.id().value())
                .param("workspace", article.workspace().value())
                .param("expected", expectedVersion)
                .params(fields(article))
                .update() == 1;
    }

    private static Map<String, Object> fields(Article article) {
        var fields = new HashMap<String, Object>();
        fields.put("title", article.title());
        fields.put("body", article.body());
        fields.put("category", article.category() == null ? null : article.category().value());
        fields.put("tags", String.join(",", article.tags()));
        fields.put("status", article.status().name());
        fields.put("version", article.version());
        fields.put("reviewer", article.reviewer());
        fields.put("updatedAt", Timestamp.from(article.updatedAt()));
        fields.put("publishedAt", article.publishedAt() == null ? null : Timestamp.from(article.publishedAt()));
        return fields;
    }

    public Optional<Article> find(WorkspaceId workspace, ArticleId id) {
        return jdbc.sql("SELECT * FROM kb_articles WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), id.value()).query(ArticleRows::article).optional();
    }

    public Optional<Article> findBySlug(WorkspaceId workspace, String slug) {
        return jdbc.sql("SELECT * FROM kb_articles WHERE workspace_id = ? AND slug = ?")
                .params(workspace.value(), slug).query(ArticleRows::article).optional();
    }

    /** The workspace's article in that language with that title, if any. */
    public Optional<Article> findByTitle(WorkspaceId workspace, String language, String title) {
        return jdbc.sql("SELECT * FROM kb_articles WHERE workspace_id = ? AND language = ? AND title = ? ORDER BY created_at, id LIMIT 1")
                .params(workspace.value(), language, title).query(ArticleRows::article).optional();
    }

    /** Every article of the workspace, oldest first: an original comes before its translations. */
    public void eachOf(WorkspaceId workspace, Consumer<Article> action) {
        jdbc.sql("SELECT * FROM kb_articles WHERE workspace_id = ? ORDER BY created_at, id").param(workspace.value())
                .query(ArticleRows::article).stream().forEach(action);
    }

    /** The addresses of the workspace's articles, by article id. */
    public Map<UUID, String> slugs(WorkspaceId workspace) {
        var slugs = new HashMap<UUID, String>();
        jdbc.sql("SELECT id, slug FROM kb_articles WHERE workspace_id = ?").param(workspace.value())
                .query(rs -> {
                    slugs.put(rs.getObject("id", UUID.class), rs.getString("slug"));
                });
        return slugs;
    }

    public boolean slugTaken(WorkspaceId workspace, String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM kb_articles WHERE workspace_id = ? AND slug = ?")
                .params(workspace.value(), slug).query(Integer.class).single() > 0;
    }

    /** The article's versions in other languages (and itself), by language. */
    public List<Article> translations(WorkspaceId workspace, UUID group) {
        return jdbc.sql("SELECT * FROM kb_articles WHERE workspace_id = ? AND translation_group = ? ORDER BY language")
                .params(workspace.value(), group).query(ArticleRows::article).list();
    }

    /** The workspace's articles, newest change first; {@code status} {@code null} for all. */
    public List<Article> list(WorkspaceId workspace, ArticleStatus status, CategoryId category, int limit) {
        var sql = new StringBuilder("SELECT * FROM kb_articles WHERE workspace_id = :workspace");
        var params = new HashMap<String, Object>();
        params.put("workspace", workspace.value());
        params.put("limit", limit);
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (category != null) {
            sql.append(" AND category_id = :category");
            params.put("category", category.value());
        }
        sql.append(" ORDER BY updated_at DESC, id LIMIT :limit");
        return jdbc.sql(sql.toString()).params(params).query(ArticleRows::article).list();
    }

    /** Every published article of every workspace, one at a time: what a node's search index holds. */
    public void eachPublished(Consumer<Article> action) {
        jdbc.sql("SELECT * FROM kb_articles WHERE status = 'PUBLISHED'").query(ArticleRows::article).stream()
                .forEach(action);
    }

    /** Articles of any workspace changed at or after the instant, oldest change first. */
    public List<Article> changedSince(Instant since, int limit) {
        return jdbc.sql("SELECT * FROM kb_articles WHERE updated_at >= ? ORDER BY updated_at, id LIMIT ?")
                .params(Timestamp.from(since), limit).query(ArticleRows::article).list();
    }

    /** When the newest change to any article was saved. */
    public Optional<Instant> latestChange() {
        return jdbc.sql("SELECT MAX(updated_at) FROM kb_articles").query(Timestamp.class).list().stream()
                .filter(Objects::nonNull).map(Timestamp::toInstant).findFirst();
    }

    public void insertVersion(Article article, String editedBy, String note) {
        jdbc.sql("""
                INSERT INTO kb_article_versions (article_id, version, workspace_id, title, body, tags, edited_by,
                                                 edited_at, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(article.id().value(), article.version(), article.workspace().value(), article.title(),
                        article.body(), String.join(",", article.tags()), editedBy,
                        Timestamp.from(article.updatedAt()), note)
                .update();
    }

    /** The article's versions, newest first. */
    public List<ArticleVersion> versions(WorkspaceId workspace, ArticleId article) {
        return jdbc.sql("""
                SELECT * FROM kb_article_versions WHERE workspace_id = ? AND article_id = ? ORDER BY version DESC""")
                .params(workspace.value(), article.value()).query(ArticleRows::version).list();
    }

    public Optional<ArticleVersion> version(WorkspaceId workspace, ArticleId article, int version) {
        return jdbc.sql("SELECT * FROM kb_article_versions WHERE workspace_id = ? AND article_id = ? AND version = ?")
                .params(workspace.value(), article.value(), version).query(ArticleRows::version).optional();
    }

    public void vote(Article article, boolean helpful, Instant at) {
        jdbc.sql("INSERT INTO kb_article_votes (id, workspace_id, article_id, helpful, voted_at) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), article.workspace().value(), article.id().value(), helpful, Timestamp.from(at))
                .update();
    }

    public ArticleVotes votes(WorkspaceId workspace, ArticleId article) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN helpful THEN 1 ELSE 0 END), 0) AS yes,
                       COALESCE(SUM(CASE WHEN helpful THEN 0 ELSE 1 END), 0) AS no
                FROM kb_article_votes WHERE workspace_id = ? AND article_id = ?""")
                .params(workspace.value(), article.value())
                .query((row, n) -> new ArticleVotes(row.getInt("yes"), row.getInt("no"))).single();
    }

    private static Article article(ResultSet row, int n) throws SQLException {
        var category = row.getObject("category_id", UUID.class);
        return new Article(new ArticleId(row.getObject("id", UUID.class)),
                new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                row.getObject("translation_group", UUID.class), row.getString("language"), row.getString("slug"),
                row.getString("title"), row.getString("body"), category == null ? null : new CategoryId(category),
                tags(row.getString("tags")), ArticleStatus.valueOf(row.getString("status")), row.getInt("version"),
                row.getString("author_name"), row.getString("reviewer_name"), instant(row, "created_at"),
                instant(row, "updated_at"), instant(row, "published_at"));
    }

    private static ArticleVersion version(ResultSet row, int n) throws SQLException {
        return new ArticleVersion(row.getInt("version"), row.getString("title"), row.getString("body"),
                tags(row.getString("tags")), row.getString("edited_by"), instant(row, "edited_at"),
                row.getString("note"));
    }

    private static List<String> tags(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
