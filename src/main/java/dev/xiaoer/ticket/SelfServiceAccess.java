package dev.xiaoer.ticket;

import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;

/** What a verified self-service link grants: this customer may see and answer this one ticket. */
public record SelfServiceAccess(WorkspaceId workspace, TicketId ticket, CustomerId customer, Instant expiresAt) {
}
