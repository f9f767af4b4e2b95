package dev.xiaoer.ticket;

import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;

/**
 * Fields of ticket {@code number} (of channel {@code channel}) changed (status, priority, assignee, tags, custom fields, requester, merge).
 * Free text (the subject, text custom fields) is named in {@code changes} without its value, which
 * keeps events small; read the ticket when the text matters.
 */
public record TicketUpdated(WorkspaceId workspace, TicketId ticket, long number, TicketChannel channel, long version,
                            List<Change> changes, Instant at) {

    /** One changed field: lower-case enum names, ids, or {@code null} for "none" or left-out free text. */
    public record Change(String field, String from, String to) {
    }

    public boolean changed(String field) {
        return changes.stream().anyMatch(change -> change.field().equals(field));
    }
}
