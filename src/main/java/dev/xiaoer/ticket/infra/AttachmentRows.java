package dev.xiaoer.ticket.infra;

import static dev.xiaoer.ticket.infra.TicketRows.instant;
import static dev.xiaoer.ticket.infra.TicketRows.timestamp;

import dev.xiaoer.ticket.AttachmentContent;
import dev.xiaoer.ticket.AttachmentInfo;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attachment bytes live in the database, so every node of a cluster serves them. */
@Repository
public class AttachmentRows {

    private final JdbcClient jdbc;

    AttachmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WorkspaceId workspace, TicketId ticket, AttachmentInfo info, byte[] content) {
        jdbc.sql("""
                INSERT INTO ticket_attachments (id, workspace_id, ticket_id, file_name, content_type, size_bytes,
                    content, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(info.id(), workspace.value(), ticket.value(), info.fileName(), info.contentType(), info.size(),
                        content, timestamp(info.createdAt()))
                .update();
    }

    /**
     * An attachment as seen from a ticket: one uploaded to it, or to a ticket merged into it (its
     * timeline then refers to the attachment).
     */
    public Optional<AttachmentContent> content(WorkspaceId workspace, TicketId ticket, UUID attachment) {
        return jdbc.sql("""
                SELECT a.id, a.file_name, a.content_type, a.size_bytes, a.created_at, a.content
                FROM ticket_attachments a
                WHERE a.id = ? AND a.workspace_id = ?
                  AND EXISTS (SELECT 1 FROM ticket_timeline e WHERE e.ticket_id = ? AND e.attachment_id = a.id)""")
                .params(attachment, workspace.value(), ticket.value())
                .query((rs, n) -> new AttachmentContent(new AttachmentInfo(rs.getObject("id", UUID.class),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        instant(rs, "created_at")), rs.getBytes("content")))
                .optional();
    }

    /** Attachments visible on a ticket, oldest first, without their bytes. */
    public List<AttachmentInfo> list(WorkspaceId workspace, TicketId ticket) {
        return jdbc.sql("""
                SELECT a.id, a.file_name, a.content_type, a.size_bytes, a.created_at
                FROM ticket_timeline e JOIN ticket_attachments a ON a.id = e.attachment_id
                WHERE e.ticket_id = ? AND e.workspace_id = ?
                ORDER BY e.created_at, a.id""")
                .params(ticket.value(), workspace.value())
                .query((rs, n) -> new AttachmentInfo(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), instant(rs, "created_at")))
                .list();
    }
}
