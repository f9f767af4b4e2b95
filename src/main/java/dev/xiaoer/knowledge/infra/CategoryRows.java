package dev.xiaoer.knowledge.infra;

import dev.xiaoer.knowledge.Category;
import dev.xiaoer.knowledge.CategoryId;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The help center's categories ({@code kb_categories}), a tree by {@code parent_id}. */
@Repository
public class CategoryRows {

    private final JdbcClient jdbc;

    CategoryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Category category, Instant at) {
        jdbc.sql("""
                INSERT INTO kb_categories (id, workspace_id, parent_id, name, slug, position, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(category.id().value(), category.workspace().value(),
                        category.parent() == null ? null : category.parent().value(), category.name(),
                        category.slug(), category.position(), Timestamp.from(at))
                .update();
    }

    /** The workspace's categories in their order: by position, then name. */
    public List<Category> list(WorkspaceId workspace) {
        return jdbc.sql("SELECT * FROM kb_categories WHERE workspace_id = ? ORDER BY position, name")
                .param(workspace.value()).query(CategoryRows::category).list();
    }

    public Optional<Category> find(WorkspaceId workspace, CategoryId id) {
        return jdbc.sql("SELECT * FROM kb_categories WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), id.value()).query(CategoryRows::category).optional();
    }

    public Optional<Category> findByName(WorkspaceId workspace, String name) {
        return jdbc.sql("SELECT * FROM kb_categories WHERE workspace_id = ? AND LOWER(name) = LOWER(?) ORDER BY position LIMIT 1")
                .params(workspace.value(), name).query(CategoryRows::category).optional();
    }

    public Optional<Category> findBySlug(WorkspaceId workspace, String slug) {
        return jdbc.sql("SELECT * FROM kb_categories WHERE workspace_id = ? AND slug = ?")
                .params(workspace.value(), slug).query(CategoryRows::category).optional();
    }

    public int count(WorkspaceId workspace) {
        return jdbc.sql("SELECT COUNT(*) FROM kb_categories WHERE workspace_id = ?").param(workspace.value())
                .query(Integer.class).single();
    }

    private static Category category(ResultSet row, int n) throws SQLException {
        var parent = row.getObject("parent_id", UUID.class);
        return new Category(new CategoryId(row.getObject("id", UUID.class)),
                new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                parent == null ? null : new CategoryId(parent), row.getString("name"), row.getString("slug"),
                row.getInt("position"));
    }
}
