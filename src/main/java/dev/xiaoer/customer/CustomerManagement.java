package dev.xiaoer.customer;

import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customer profiles and their channel identities. */
@Service
public class CustomerManagement {

    private final JdbcClient jdbc;
    private final Clock clock;

    CustomerManagement(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The customer known by this identity, or a new one with this display name. Safe under
     * concurrency: two first messages from the same address yield one customer.
     */
    @Transactional
    public CustomerId findOrCreate(WorkspaceId workspace, ChannelIdentity identity, String displayName) {
        var existing = findByIdentity(workspace, identity);
        if (existing.isPresent()) {
            return existing.get();
        }
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        var name = displayName == null || displayName.isBlank() ? identity.value() : displayName.strip();
        jdbc.sql("""
                INSERT INTO customers (id, workspace_id, name, email, phone, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1)""")
                .params(id, workspace.value(), name,
                        identity.type() == IdentityType.EMAIL ? identity.value() : null,
                        identity.type() == IdentityType.PHONE ? identity.value() : null, now, now)
                .update();
        var claimed = jdbc.sql("""
                INSERT INTO customer_identities (workspace_id, identity_type, identity, customer_id, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(workspace.value(), identity.type().name(), identity.value(), id, now)
                .update();
        if (claimed == 0) {
            jdbc.sql("DELETE FROM customers WHERE id = ?").param(id).update();
            return findByIdentity(workspace, identity).orElseThrow();
        }
        return new CustomerId(id);
    }

    @Transactional(readOnly = true)
    public Optional<CustomerId> findByIdentity(WorkspaceId workspace, ChannelIdentity identity) {
        return jdbc.sql("""
                SELECT customer_id FROM customer_identities
                WHERE workspace_id = ? AND identity_type = ? AND identity = ?""")
                .params(workspace.value(), identity.type().name(), identity.value())
                .query(UUID.class).optional().map(CustomerId::new);
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(WorkspaceId workspace, CustomerId id) {
        var row = jdbc.sql("SELECT * FROM customers WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), id.value())
                .query((rs, n) -> new Customer(id, workspace, rs.getString("name"), rs.getString("email"),
                        rs.getString("phone"), rs.getString("language"), rs.getString("tier"), new LinkedHashSet<>(),
                        rs.getString("notes"), new java.util.ArrayList<>(), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
        row.ifPresent(customer -> {
            customer.tags().addAll(jdbc.sql("SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY tag")
                    .param(id.value()).query(String.class).list());
            customer.identities().addAll(jdbc.sql("""
                    SELECT identity_type, identity FROM customer_identities WHERE customer_id = ?
                    ORDER BY created_at""").param(id.value())
                    .query((rs, n) -> new ChannelIdentity(IdentityType.valueOf(rs.getString(1)), rs.getString(2)))
                    .list());
        });
        return row;
    }

    @Transactional(readOnly = true)
    public Customer get(WorkspaceId workspace, CustomerId id) {
        return find(workspace, id).orElseThrow(() -> new NotFound("customer", id));
    }

    /**
     * Display names of these customers, in one query: for lists that show many customers at once.
     * Ids unknown in this workspace are absent from the result.
     */
    @Transactional(readOnly = true)
    public Map<CustomerId, String> names(WorkspaceId workspace, Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, name FROM customers WHERE workspace_id = :workspace AND id IN (:ids)")
                .param("workspace", workspace.value())
                .param("ids", ids.stream().map(CustomerId::value).distinct().toList())
                .query((rs, n) -> Map.entry(new CustomerId(rs.getObject(1, UUID.class)), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
