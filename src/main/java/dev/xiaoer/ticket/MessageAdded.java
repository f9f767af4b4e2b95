package dev.xiaoer.ticket;

import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/**
 * A message or note was added to ticket {@code number}, which is now at {@code version}; {@code message}
 * is its timeline entry id and {@code channel} the ticket's channel of origin. Internal notes have {@code internal = true} and
 * must never be sent to the customer.
 */
public record MessageAdded(WorkspaceId workspace, TicketId ticket, long number, long version, TicketChannel channel, UUID message,
                           MessageAuthor author, boolean internal, Instant at) {
}
