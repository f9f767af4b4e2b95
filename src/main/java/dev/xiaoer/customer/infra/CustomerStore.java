package dev.xiaoer.customer.infra;

import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.Customer;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.customer.CustomerRef;
import dev.xiaoer.customer.CustomerMergeRecord;
import dev.xiaoer.customer.CustomerSearch;
import dev.xiaoer.customer.IdentityType;
import dev.xiaoer.customer.domain.CustomerProfile;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customer tables. Every statement names the workspace, or a customer id already checked against it. */
@Repository
public class CustomerStore {

    private final JdbcClient jdbc;

    CustomerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer row as a merge needs it, read under a row lock. */
    public record LockedCustomer(CustomerId id, CustomerProfile profile, CustomerId mergedInto) {
    }

    public void insert(WorkspaceId workspace, CustomerId id, CustomerProfile profile, Instant now) {
        jdbc.sql("""
                INSERT INTO customers (id, workspace_id, name, email, phone, language, tier, notes,
                                       created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
                .params(id.value(), workspace.value(), profile.name(), profile.email(), profile.phone(),
                        profile.language(), profile.tier(), profile.notes(), Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    public void delete(CustomerId id) {
        jdbc.sql("DELETE FROM customer_tags WHERE customer_id = ?").param(id.value()).update();
        jdbc.sql("DELETE FROM customers WHERE id = ?").param(id.value()).update();
    }

    public void updateProfile(CustomerId id, CustomerProfile profile, Instant now) {
        jdbc.sql("""
                UPDATE customers SET name = ?, email = ?, phone = ?, language = ?, tier = ?, notes = ?,
                                     updated_at = ?, version = version + 1
                WHERE id = ?""")
                .params(profile.name(), profile.email(), profile.phone(), profile.language(), profile.tier(),
                        profile.notes(), Timestamp.from(now), id.value())
                .update();
    }

    public void touch(CustomerId id, Instant now) {
        jdbc.sql("UPDATE customers SET updated_at = ?, version = version + 1 WHERE id = ?")
                .params(Timestamp.from(now), id.value()).update();
    }

    /**
     * Makes the identity point at the customer unless another customer holds it already. The
     * primary key decides under concurrency; {@code false} means someone else holds it.
     */
    public boolean claimIdentity(WorkspaceId workspace, ChannelIdentity identity, CustomerId customer, Instant now) {
        return jdbc.sql("""
                INSERT INTO customer_identities (workspace_id, identity_type, identity, customer_id, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(workspace.value(), identity.type().name(), identity.value(), customer.value(),
                        Timestamp.from(now))
                .update() == 1;
    }

    public Optional<CustomerId> holderOf(WorkspaceId workspace, ChannelIdentity identity) {
        return jdbc.sql("""
                SELECT customer_id FROM customer_identities
                WHERE workspace_id = ? AND identity_type = ? AND identity = ?""")
                .params(workspace.value(), identity.type().name(), identity.value())
                .query(UUID.class).optional().map(CustomerId::new);
    }

    public Optional<CustomerRef> namedHolderOf(WorkspaceId workspace, ChannelIdentity identity) {
        return jdbc.sql("""
                SELECT i.customer_id, c.name FROM customer_identities i JOIN customers c ON c.id = i.customer_id
                WHERE i.workspace_id = ? AND i.identity_type = ? AND i.identity = ?""")
                .params(workspace.value(), identity.type().name(), identity.value())
                .query((rs, row) -> new CustomerRef(new CustomerId(rs.getObject(1, UUID.class)), rs.getString(2)))
                .optional();
    }

    public boolean removeIdentity(WorkspaceId workspace, CustomerId customer, ChannelIdentity identity) {
        return jdbc.sql("""
                DELETE FROM customer_identities
                WHERE workspace_id = ? AND identity_type = ? AND identity = ? AND customer_id = ?""")
                .params(workspace.value(), identity.type().name(), identity.value(), customer.value())
                .update() == 1;
    }

    public int moveIdentities(CustomerId source, CustomerId target) {
        return jdbc.sql("UPDATE customer_identities SET customer_id = ? WHERE customer_id = ?")
                .params(target.value(), source.value()).update();
    }

    public Set<String> tags(CustomerId customer) {
        return new TreeSet<>(jdbc.sql("SELECT tag FROM customer_tags WHERE customer_id = ?")
                .param(customer.value()).query(String.class).list());
    }

    public void addTags(CustomerId customer, Collection<String> tags) {
        for (var tag : tags) {
            jdbc.sql("INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(customer.value(), tag).update();
        }
    }

    public void replaceTags(CustomerId customer, Collection<String> tags) {
        jdbc.sql("DELETE FROM customer_tags WHERE customer_id = ?").param(customer.value()).update();
        addTags(customer, tags);
    }

    /** Locks the customer row for the rest of the transaction, so that two merges cannot cross. */
    public Optional<LockedCustomer> lock(WorkspaceId workspace, CustomerId id) {
        return jdbc.sql("""
                SELECT name, email, phone, language, tier, notes, merged_into FROM customers
                WHERE workspace_id = ? AND id = ? FOR UPDATE""")
                .params(workspace.value(), id.value())
                .query((rs, n) -> new LockedCustomer(id,
                        new CustomerProfile(rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                                rs.getString("language"), rs.getString("tier"), rs.getString("notes")),
                        customerId(rs, "merged_into")))
                .optional();
    }

    public void markMerged(CustomerId source, CustomerId target, Instant now) {
        jdbc.sql("""
                UPDATE customers SET merged_into = ?, merged_at = ?, updated_at = ?, version = version + 1
                WHERE id = ?""")
                .params(target.value(), Timestamp.from(now), Timestamp.from(now), source.value()).update();
    }

    public void recordMerge(WorkspaceId workspace, CustomerId source, CustomerId target, Actor actor,
                            int identitiesMoved, int tagsMoved, Instant now) {
        jdbc.sql("""
                INSERT INTO customer_merges (id, workspace_id, source_customer_id, target_customer_id, merged_by_type,
                                             merged_by_id, merged_by_name, identities_moved, tags_moved, merged_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), workspace.value(), source.value(), target.value(), actor.type().name(),
                        actor.id(), actor.name(), identitiesMoved, tagsMoved, Timestamp.from(now))
                .update();
    }

    /** The merges into this customer, oldest first. */
    public List<CustomerMergeRecord> mergesInto(WorkspaceId workspace, CustomerId target) {
        return jdbc.sql("""
                SELECT source_customer_id, merged_by_type, merged_by_id, merged_by_name, merged_at FROM customer_merges
                WHERE workspace_id = ? AND target_customer_id = ? ORDER BY merged_at, id""")
                .params(workspace.value(), target.value())
                .query((rs, n) -> new CustomerMergeRecord(new CustomerId(rs.getObject(1, UUID.class)), target,
                        Actor.Type.valueOf(rs.getString(2)), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public Optional<Customer> find(WorkspaceId workspace, CustomerId id) {
        return jdbc.sql("SELECT * FROM customers WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), id.value())
                .query(CustomerStore::customer).optional()
                .map(customer -> withDetails(List.of(customer)).getFirst());
    }

    public List<Customer> findAll(WorkspaceId workspace, Collection<CustomerId> ids) {
        var rows = jdbc.sql("SELECT * FROM customers WHERE workspace_id = :workspace AND id IN (:ids)")
                .param("workspace", workspace.value())
                .param("ids", ids.stream().map(CustomerId::value).distinct().toList())
                .query(CustomerStore::customer).list();
        return withDetails(rows);
    }

    public Map<CustomerId, String> names(WorkspaceId workspace, Collection<CustomerId> ids) {
        var names = new HashMap<CustomerId, String>();
        jdbc.sql("SELECT id, name FROM customers WHERE workspace_id = :workspace AND id IN (:ids)")
                .param("workspace", workspace.value())
                .param("ids", ids.stream().map(CustomerId::value).distinct().toList())
                .query(rs -> {
                    names.put(new CustomerId(rs.getObject(1, UUID.class)), rs.getString(2));
                });
        return names;
    }

    /** One page of active customers, newest first, plus one more row to tell whether a next page exists. */
    public List<Customer> search(WorkspaceId workspace, CustomerSearch search) {
        var sql = new StringBuilder(
                "SELECT c.* FROM customers c WHERE c.workspace_id = :workspace AND c.merged_into IS NULL");
        var params = new HashMap<String, Object>();
        params.put("workspace", workspace.value());
        if (search.text() != null && !search.text().isBlank()) {
            var text = search.text().strip().toLowerCase(Locale.ROOT);
            params.put("text", "%" + escapeLike(text) + "%");
            sql.append(" ").append("""
                    AND (LOWER(c.name) LIKE :text ESCAPE '\\' OR c.email LIKE :text ESCAPE '\\'
                         OR c.phone LIKE :text ESCAPE '\\'
                         OR EXISTS (SELECT 1 FROM customer_identities i
                                    WHERE i.customer_id = c.id AND LOWER(i.identity) LIKE :text ESCAPE '\\')""");
            var digits = text.replaceAll("[^0-9]", "");
            if (digits.length() >= 3 && text.matches("[0-9+()\\-. ]+")) {
                // "138 0000 0000" finds the stored +8613800000000
                params.put("digits", "%" + digits + "%");
                sql.append(" OR c.phone LIKE :digits");
            }
            sql.append(')');
        }
        if (search.tier() != null) {
            params.put("tier", search.tier());
            sql.append(" AND c.tier = :tier");
        }
        if (search.tag() != null) {
            params.put("tag", search.tag());
            sql.append(" AND EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = :tag)");
        }
        if (search.after() != null) {
            params.put("afterAt", Timestamp.from(search.after().at()));
            params.put("afterId", search.after().id());
            sql.append(" AND (c.created_at < :afterAt OR (c.created_at = :afterAt AND c.id < :afterId))");
        }
        sql.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT ").append(search.limit() + 1);
        var rows = jdbc.sql(sql.toString()).params(params).query(CustomerStore::customer).list();
        return withDetails(rows);
    }

    private List<Customer> withDetails(List<Customer> customers) {
        if (customers.isEmpty()) {
            return customers;
        }
        var ids = customers.stream().map(c -> c.id().value()).toList();
        var tags = new HashMap<UUID, Set<String>>();
        jdbc.sql("SELECT customer_id, tag FROM customer_tags WHERE customer_id IN (:ids) ORDER BY tag")
                .param("ids", ids)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeSet<>()).add(rs.getString(2));
                });
        var identities = new LinkedHashMap<UUID, List<ChannelIdentity>>();
        jdbc.sql("""
                SELECT customer_id, identity_type, identity FROM customer_identities
                WHERE customer_id IN (:ids) ORDER BY created_at, identity_type, identity""")
                .param("ids", ids)
                .query(rs -> {
                    identities.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new ChannelIdentity(IdentityType.valueOf(rs.getString(2)), rs.getString(3)));
                });
        return customers.stream().map(c -> new Customer(c.id(), c.workspace(), c.name(), c.email(), c.phone(),
                c.language(), c.tier(), tags.getOrDefault(c.id().value(), Set.of()), c.notes(),
                identities.getOrDefault(c.id().value(), List.of()), c.createdAt(), c.updatedAt(), c.mergedInto()))
                .toList();
    }

    private static Customer customer(ResultSet rs, int row) throws SQLException {
        return new Customer(new CustomerId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("language"), rs.getString("tier"), Set.of(), rs.getString("notes"),
                List.of(), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                customerId(rs, "merged_into"));
    }

    private static CustomerId customerId(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, UUID.class);
        return value == null ? null : new CustomerId(value);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
