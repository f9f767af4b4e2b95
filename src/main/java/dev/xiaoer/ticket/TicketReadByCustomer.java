package dev.xiaoer.ticket;

import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;

/** The customer has seen the team's messages on ticket {@code number} up to {@code upTo} (read receipts). */
public record TicketReadByCustomer(WorkspaceId workspace, TicketId ticket, long number, TicketChannel channel,
                                   Instant upTo) {
}
