package dev.xiaoer.ticket;

import dev.xiaoer.identity.UserId;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;

/**
 * A member of the team looked at ticket {@code number}: everything on it up to {@code at} is read by
 * them. Channels that show read receipts (live chat) tell the customer; nothing on the ticket changes.
 */
public record TicketSeen(WorkspaceId workspace, TicketId ticket, long number, TicketChannel channel, UserId user,
                         Instant at) {
}
