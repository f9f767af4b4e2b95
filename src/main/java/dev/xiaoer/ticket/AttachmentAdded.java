package dev.xiaoer.ticket;

import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;

/**
 * A file was attached to ticket {@code number} (now at {@code version}) by the customer or the team
 * ({@code authorName}, as the timeline shows it).
 * Attachments are public: the customer sees them, so a channel may send the team's files on.
 */
public record AttachmentAdded(WorkspaceId workspace, TicketId ticket, long number, TicketChannel channel, long version,
                              AttachmentInfo attachment, MessageAuthor author, String authorName, Instant at) {
}
