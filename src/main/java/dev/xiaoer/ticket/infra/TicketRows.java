package dev.xiaoer.ticket.infra;

import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.Cursor;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketFilter;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketLink;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import dev.xiaoer.ticket.domain.Ticket;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tickets} table with its tags and custom field values. Every query is scoped by workspace. */
@Repository
public class TicketRows {

    private static final String COLUMNS = "id, workspace_id, number, subject, type, priority, status, channel, "
            + "requester_id, assignee_id, team_id, follow_up_of, follow_up_of_number, merged_into, merged_into_number, "
            + "created_at, updated_at, solved_at, closed_at, version, awaiting_reply_since";
    /** What is read back: the stored fields and whether the assistant is answering, which is set on its own. */
    private static final String SELECTED = COLUMNS + ", with_assistant";
    private static final Pattern NUMBER = Pattern.compile("#?(\\d{1,18})");

    private final JdbcClient jdbc;

    TicketRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Ticket ticket) {
        jdbc.sql("INSERT INTO tickets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ticket.id().value(), ticket.workspace().value(), ticket.number(), ticket.subject(),
                        ticket.type().name(), ticket.priority().name(), ticket.status().name(), ticket.channel().name(),
                        ticket.requester().value(), uuid(ticket.assignee()), uuid(ticket.team()),
                        ticket.followUpOf() == null ? null : ticket.followUpOf().id().value(),
                        ticket.followUpOf() == null ? null : ticket.followUpOf().number(),
                        null, null, timestamp(ticket.createdAt()), timestamp(ticket.updatedAt()),
                        timestamp(ticket.solvedAt()), timestamp(ticket.closedAt()), ticket.version(),
                        timestamp(ticket.awaitingReplySince()))
                .update();
    }

    /** Writes the ticket's fields, provided nobody else wrote since {@code loadedVersion}. */
    public void update(Ticket ticket, long loadedVersion) {
        var updated = jdbc.sql("""
                UPDATE tickets SET subject = ?, type = ?, priority = ?, status = ?, requester_id = ?, assignee_id = ?,
                    team_id = ?, merged_into = ?, merged_into_number = ?, updated_at = ?, solved_at = ?, closed_at = ?,
                    version = ?, awaiting_reply_since = ?
                WHERE id = ? AND workspace_id = ? AND version = ?""")
                .params(ticket.subject(), ticket.type().name(), ticket.priority().name(), ticket.status().name(),
                        ticket.requester().value(), uuid(ticket.assignee()), uuid(ticket.team()),
                        ticket.mergedInto() == null ? null : ticket.mergedInto().id().value(),
                        ticket.mergedInto() == null ? null : ticket.mergedInto().number(),
                        timestamp(ticket.updatedAt()), timestamp(ticket.solvedAt()), timestamp(ticket.closedAt()),
                        ticket.version(), timestamp(ticket.awaitingReplySince()), ticket.id().value(),
                        ticket.workspace().value(), loadedVersion)
                .update();
        if (updated != 1) {
            // Callers lock the row before changing it, so this means a bug, not a race.
            throw new IllegalStateException("Ticket " + ticket.id() + " changed while locked");
        }
    }

    /** The ticket, locked until the end of the transaction so that changes to it happen one after another. */
    public Optional<Ticket> lock(WorkspaceId workspace, TicketId id) {
        return jdbc.sql("SELECT " + SELECTED + " FROM tickets WHERE id = ? AND workspace_id = ? FOR UPDATE")
                .params(id.value(), workspace.value()).query(TicketRows::ticket).optional();
    }

    public Optional<Ticket> find(WorkspaceId workspace, TicketId id) {
        return jdbc.sql("SELECT " + SELECTED + " FROM tickets WHERE id = ? AND workspace_id = ?")
                .params(id.value(), workspace.value()).query(TicketRows::ticket).optional();
    }

    public Optional<Ticket> findByNumber(WorkspaceId workspace, long number) {
        return jdbc.sql("SELECT " + SELECTED + " FROM tickets WHERE workspace_id = ? AND number = ?")
                .params(workspace.value(), number).query(TicketRows::ticket).optional();
    }

    /** One page, most recently updated first; {@code limit + 1} rows are read to know whether more follow. */
    public List<Ticket> list(WorkspaceId workspace, TicketFilter filter, Cursor after, int limit) {
        var sql = new StringBuilder("SELECT " + SELECTED + " FROM tickets t WHERE t.workspace_id = :workspace");
        var params = new HashMap<String, Object>();
        params.put("workspace", workspace.value());
        where(filter, sql, params);
        if (after != null) {
            sql.append(" AND (t.updated_at < :afterAt OR (t.updated_at = :afterAt AND t.id < :afterId))");
            params.put("afterAt", timestamp(after.at()));
            params.put("afterId", after.id());
        }
        sql.append(" ORDER BY t.updated_at DESC, t.id DESC LIMIT :limit");
        params.put("limit", limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(TicketRows::ticket).list();
    }

    /** How many tickets match the filter. */
    public long count(WorkspaceId workspace, TicketFilter filter) {
        var sql = new StringBuilder("SELECT COUNT(*) FROM tickets t WHERE t.workspace_id = :workspace");
        var params = new HashMap<String, Object>();
        params.put("workspace", workspace.value());
        where(filter, sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static void where(TicketFilter filter, StringBuilder sql, Map<String, Object> params) {
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND t.status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.unassigned()) {
            sql.append(" AND t.assignee_id IS NULL");
        } else if (filter.assignee() != null) {
            sql.append(" AND t.assignee_id = :assignee");
            params.put("assignee", filter.assignee().value());
        }
        if (filter.team() != null) {
            sql.append(" AND t.team_id = :team");
            params.put("team", filter.team().value());
        }
        if (filter.teams() != null && filter.teams().isEmpty()) {
            sql.append(" AND 1 = 0");
        } else if (filter.teams() != null) {
            sql.append(" AND t.team_id IN (:teams)");
            params.put("teams", filter.teams().stream().map(TeamId::value).toList());
        }
        if (filter.channel() != null) {
            sql.append(" AND t.channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM ticket_tags g WHERE g.ticket_id = t.id AND g.tag = :tag)");
            params.put("tag", filter.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.type() != null) {
            sql.append(" AND t.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.priority() != null) {
            sql.append(" AND t.priority = :priority");
            params.put("priority", filter.priority().name());
        }
        if (filter.requester() != null) {
            sql.append(" AND t.requester_id = :requester");
            params.put("requester", filter.requester().value());
        }
        if (filter.updatedSince() != null) {
            sql.append(" AND t.updated_at >= :since");
            params.put("since", timestamp(filter.updatedSince()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            var text = filter.text().strip();
            var number = NUMBER.matcher(text);
            sql.append(" AND (LOWER(t.subject) LIKE :text ESCAPE '\\'");
            if (number.matches()) {
                sql.append(" OR t.number = :number");
                params.put("number", Long.parseLong(number.group(1)));
            }
            sql.append(")");
            params.put("text", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        }
    }

    /** Keeps {@code solved_tickets} in step with the ticket's status: listed while it is solved. */
    public void trackSolved(Ticket ticket, boolean solved) {
        if (solved) {
            jdbc.sql("INSERT INTO solved_tickets (ticket_id, workspace_id, solved_at) VALUES (?, ?, ?)")
                    .params(ticket.id().value(), ticket.workspace().value(), timestamp(ticket.solvedAt())).update();
        } else {
            jdbc.sql("DELETE FROM solved_tickets WHERE ticket_id = ?").param(ticket.id().value()).update();
        }
    }

    /** Solved tickets, of any workspace, solved at or before the cutoff. */
    public List<TicketRef> solvedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT workspace_id, ticket_id FROM solved_tickets WHERE solved_at <= ?
                ORDER BY solved_at LIMIT ?""")
                .params(timestamp(cutoff), limit)
                .query((rs, n) -> new TicketRef(new WorkspaceId(rs.getObject(1, UUID.class)),
                        new TicketId(rs.getObject(2, UUID.class))))
                .list();
    }

    public List<TicketId> byRequester(WorkspaceId workspace, CustomerId requester) {
        return jdbc.sql("SELECT id FROM tickets WHERE workspace_id = ? AND requester_id = ? ORDER BY created_at")
                .params(workspace.value(), requester.value())
                .query((rs, n) -> new TicketId(rs.getObject(1, UUID.class))).list();
    }

    /** The newest follow-up of this ticket that is not closed yet, if any; follow-ups share their requester. */
    public Optional<TicketId> openFollowUp(WorkspaceId workspace, CustomerId requester, TicketId of) {
        return jdbc.sql("""
                SELECT id FROM tickets WHERE workspace_id = ? AND requester_id = ? AND follow_up_of = ?
                    AND status <> 'CLOSED'
                ORDER BY created_at DESC LIMIT 1""")
                .params(workspace.value(), requester.value(), of.value())
                .query((rs, n) -> new TicketId(rs.getObject(1, UUID.class))).optional();
    }

    public SortedSet<String> tags(TicketId ticket) {
        return new TreeSet<>(jdbc.sql("SELECT tag FROM ticket_tags WHERE ticket_id = ?").param(ticket.value())
                .query(String.class).list());
    }

    /** Tags of several tickets in one query. */
    public Map<TicketId, SortedSet<String>> tags(Collection<TicketId> tickets) {
        var result = new HashMap<TicketId, SortedSet<String>>();
        if (tickets.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id IN (:ids)")
                .param("ids", tickets.stream().map(TicketId::value).toList())
                .query(rs -> {
                    result.computeIfAbsent(new TicketId(rs.getObject(1, UUID.class)), id -> new TreeSet<>())
                            .add(rs.getString(2));
                });
        return result;
    }

    public void addTags(TicketId ticket, Collection<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        var params = new ArrayList<>();
        tags.forEach(tag -> {
            params.add(ticket.value());
            params.add(tag);
        });
        jdbc.sql("INSERT INTO ticket_tags (ticket_id, tag) VALUES " + String.join(", ", Collections.nCopies(tags.size(), "(?, ?)")))
                .params(params).update();
    }

    public void removeTags(TicketId ticket, Collection<String> tags) {
        if (!tags.isEmpty()) {
            jdbc.sql("DELETE FROM ticket_tags WHERE ticket_id = :ticket AND tag IN (:tags)")
                    .param("ticket", ticket.value()).param("tags", List.copyOf(tags)).update();
        }
    }

    /** Stored custom field values of several tickets, by ticket and field id, in one query. */
    public Map<TicketId, Map<UUID, String>> fieldValues(Collection<TicketId> tickets) {
        var result = new HashMap<TicketId, Map<UUID, String>>();
        if (tickets.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT ticket_id, field_id, field_value FROM ticket_field_values WHERE ticket_id IN (:ids)")
                .param("ids", tickets.stream().map(TicketId::value).toList())
                .query(rs -> {
                    result.computeIfAbsent(new TicketId(rs.getObject(1, UUID.class)), id -> new HashMap<>())
                            .put(rs.getObject(2, UUID.class), rs.getString(3));
                });
        return result;
    }

    public void setFieldValue(TicketId ticket, UUID field, String value) {
        var updated = jdbc.sql("UPDATE ticket_field_values SET field_value = ? WHERE ticket_id = ? AND field_id = ?")
                .params(value, ticket.value(), field).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ticket_field_values (ticket_id, field_id, field_value) VALUES (?, ?, ?)")
                    .params(ticket.value(), field, value).update();
        }
    }

    public void clearFieldValue(TicketId ticket, UUID field) {
        jdbc.sql("DELETE FROM ticket_field_values WHERE ticket_id = ? AND field_id = ?").params(ticket.value(), field)
                .update();
    }

    /**
     * The workspace's chat queue: chats nobody is assigned to that still wait for the team, the
     * longest-waiting first.
     */
    public List<Ticket> waitingChats(WorkspaceId workspace, int limit) {
        return jdbc.sql("SELECT " + SELECTED + """
                 FROM tickets WHERE workspace_id = ? AND assignee_id IS NULL AND status IN ('NEW', 'OPEN')
                   AND channel = 'CHAT' AND NOT with_assistant
                ORDER BY COALESCE(awaiting_reply_since, created_at), id LIMIT ?""")
                .params(workspace.value(), limit).query(TicketRows::ticket).list();
    }

    /** Marks whether the assistant is answering the chat; answers whether that changed anything. */
    public boolean setWithAssistant(WorkspaceId workspace, TicketId ticket, boolean withAssistant) {
        return jdbc.sql("UPDATE tickets SET with_assistant = ? WHERE workspace_id = ? AND id = ? AND with_assistant <> ?")
                .params(withAssistant, workspace.value(), ticket.value(), withAssistant).update() > 0;
    }

    public boolean withAssistant(WorkspaceId workspace, TicketId ticket) {
        return jdbc.sql("SELECT with_assistant FROM tickets WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), ticket.value()).query(Boolean.class).optional().orElse(false);
    }

    /** Workspaces whose chat queue is not empty, for the routing sweep. */
    public List<WorkspaceId> workspacesWithWaitingChats() {
        return jdbc.sql("""
                SELECT DISTINCT workspace_id FROM tickets
                WHERE assignee_id IS NULL AND status IN ('NEW', 'OPEN') AND channel = 'CHAT' AND NOT with_assistant""")
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class))).list();
    }

    /** How many chats each agent holds: assigned to them and not solved, on hold or closed. */
    public Map<UserId, Integer> openChatsByAssignee(WorkspaceId workspace) {
        var result = new HashMap<UserId, Integer>();
        jdbc.sql("""
                SELECT assignee_id, COUNT(*) FROM tickets
                WHERE workspace_id = ? AND assignee_id IS NOT NULL AND status IN ('NEW', 'OPEN', 'PENDING')
                  AND channel = 'CHAT'
                GROUP BY assignee_id""")
                .param(workspace.value())
                .query(rs -> {
                    result.put(new UserId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
        return result;
    }

    /** The agent's chats that are still going on (as {@link #openChatsByAssignee} counts them). */
    public List<TicketId> openChatsOf(WorkspaceId workspace, UserId assignee) {
        return jdbc.sql("""
                SELECT id FROM tickets WHERE workspace_id = ? AND assignee_id = ?
                  AND status IN ('NEW', 'OPEN', 'PENDING') AND channel = 'CHAT'
                ORDER BY created_at""")
                .params(workspace.value(), assignee.value())
                .query((rs, n) -> new TicketId(rs.getObject(1, UUID.class))).list();
    }

    /** A ticket of some workspace, for work that runs across workspaces. */
    public record TicketRef(WorkspaceId workspace, TicketId ticket) {
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        var followUpOf = rs.getObject("follow_up_of", UUID.class);
        var mergedInto = rs.getObject("merged_into", UUID.class);
        var assignee = rs.getObject("assignee_id", UUID.class);
        var team = rs.getObject("team_id", UUID.class);
        return Ticket.restore(new TicketId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getLong("number"),
                rs.getString("subject"), TicketType.valueOf(rs.getString("type")),
                TicketPriority.valueOf(rs.getString("priority")), TicketStatus.valueOf(rs.getString("status")),
                TicketChannel.valueOf(rs.getString("channel")), new CustomerId(rs.getObject("requester_id", UUID.class)),
                assignee == null ? null : new UserId(assignee), team == null ? null : new TeamId(team),
                followUpOf == null ? null : new TicketLink(new TicketId(followUpOf), rs.getLong("follow_up_of_number")),
                mergedInto == null ? null : new TicketLink(new TicketId(mergedInto), rs.getLong("merged_into_number")),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "solved_at"),
                instant(rs, "closed_at"), rs.getLong("version"), instant(rs, "awaiting_reply_since"),
                rs.getBoolean("with_assistant"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static UUID uuid(Object id) {
        return switch (id) {
            case null -> null;
            case UserId user -> user.value();
            case TeamId team -> team.value();
            default -> throw new IllegalArgumentException(id.toString());
        };
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
