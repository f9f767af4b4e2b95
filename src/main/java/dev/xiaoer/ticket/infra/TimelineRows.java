package dev.xiaoer.ticket.infra;

import static dev.xiaoer.ticket.infra.TicketRows.instant;
import static dev.xiaoer.ticket.infra.TicketRows.timestamp;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.Cursor;
import dev.xiaoer.ticket.AttachmentInfo;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketLink;
import dev.xiaoer.ticket.TimelineEntry;
import dev.xiaoer.ticket.TimelineEntryKind;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code ticket_timeline} table: entries are only ever added, never changed. */
@Repository
public class TimelineRows {

    private static final String INSERT = """
            INSERT INTO ticket_timeline (id, workspace_id, ticket_id, kind, actor_type, actor_id, actor_name, body,
                field, old_value, new_value, old_label, new_label, attachment_id, related_ticket_id, related_number,
                merged_from_number, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT = """
            SELECT e.*, a.file_name, a.content_type, a.size_bytes, a.created_at AS attachment_created_at
            FROM ticket_timeline e LEFT JOIN ticket_attachments a ON a.id = e.attachment_id
            """;
    private static final List<String> PUBLIC_KINDS = Arrays.stream(TimelineEntryKind.values())
            .filter(TimelineEntryKind::isPublic).map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    TimelineRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public void insert(WorkspaceId workspace, List<TimelineEntry> entries) {
        if (entries.size() == 1) {
            jdbc.sql(INSERT).params(row(workspace, entries.getFirst())).update();
        } else if (!entries.isEmpty()) {
            batch.batchUpdate(INSERT, entries.stream().map(entry -> row(workspace, entry)).toList());
        }
    }

    /** A page of a ticket's timeline, oldest first; {@code limit + 1} rows to tell whether more follow. */
    public List<TimelineEntry> page(WorkspaceId workspace, TicketId ticket, Cursor after, int limit,
                                    boolean publicOnly) {
        var sql = new StringBuilder(SELECT).append(" WHERE e.ticket_id = :ticket AND e.workspace_id = :workspace");
        var params = new HashMap<String, Object>();
        params.put("ticket", ticket.value());
        params.put("workspace", workspace.value());
        if (publicOnly) {
            sql.append(" AND e.kind IN (:kinds)");
            params.put("kinds", PUBLIC_KINDS);
        }
        if (after != null) {
            sql.append(" AND (e.created_at > :afterAt OR (e.created_at = :afterAt AND e.id > :afterId))");
            params.put("afterAt", timestamp(after.at()));
            params.put("afterId", after.id());
        }
        sql.append(" ORDER BY e.created_at, e.id LIMIT :limit");
        params.put("limit", limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(TimelineRows::entry).list();
    }

    /** The ticket's last {@code limit} entries of one kind, oldest first. */
    public List<TimelineEntry> latest(WorkspaceId workspace, TicketId ticket, TimelineEntryKind kind, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE e.ticket_id = ? AND e.workspace_id = ? AND e.kind = ?
                ORDER BY e.created_at DESC, e.id DESC LIMIT ?""")
                .params(ticket.value(), workspace.value(), kind.name(), limit)
                .query(TimelineRows::entry).list().reversed();
    }

    public Optional<TimelineEntry> find(WorkspaceId workspace, UUID entry) {
        return jdbc.sql(SELECT + " WHERE e.id = ? AND e.workspace_id = ?")
                .params(entry, workspace.value()).query(TimelineRows::entry).optional();
    }

    /** The whole timeline of a ticket, oldest first: for merging it into another. */
    public List<TimelineEntry> all(WorkspaceId workspace, TicketId ticket) {
        return jdbc.sql(SELECT + " WHERE e.ticket_id = ? AND e.workspace_id = ? ORDER BY e.created_at, e.id")
                .params(ticket.value(), workspace.value()).query(TimelineRows::entry).list();
    }

    private static Object[] row(WorkspaceId workspace, TimelineEntry entry) {
        var change = entry.change();
        return new Object[] {entry.id(), workspace.value(), entry.ticket().value(), entry.kind().name(),
                entry.author().type().name(), entry.author().id(), entry.author().name(), entry.body(),
                change == null ? null : change.field(), change == null ? null : change.from(),
                change == null ? null : change.to(), change == null ? null : change.fromLabel(),
                change == null ? null : change.toLabel(),
                entry.attachment() == null ? null : entry.attachment().id(),
                entry.relatedTicket() == null ? null : entry.relatedTicket().id().value(),
                entry.relatedTicket() == null ? null : entry.relatedTicket().number(),
                entry.mergedFromNumber(), timestamp(entry.at())};
    }

    private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
        var field = rs.getString("field");
        var attachmentId = rs.getObject("attachment_id", UUID.class);
        var related = rs.getObject("related_ticket_id", UUID.class);
        var mergedFrom = rs.getObject("merged_from_number", Long.class);
        return new TimelineEntry(rs.getObject("id", UUID.class), new TicketId(rs.getObject("ticket_id", UUID.class)),
                TimelineEntryKind.valueOf(rs.getString("kind")),
                new TimelineEntry.Author(Actor.Type.valueOf(rs.getString("actor_type")),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_name")),
                instant(rs, "created_at"), rs.getString("body"),
                field == null ? null : new TimelineEntry.Change(field, rs.getString("old_value"),
                        rs.getString("new_value"), rs.getString("old_label"), rs.getString("new_label")),
                attachmentId == null ? null : new AttachmentInfo(attachmentId, rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), instant(rs, "attachment_created_at")),
                related == null ? null : new TicketLink(new TicketId(related), rs.getLong("related_number")),
                mergedFrom);
    }
}
