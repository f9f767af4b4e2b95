package dev.xiaoer.ticket;

import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;

/** A ticket was marked solved; follow-ups and satisfaction surveys start from here. */
public record TicketSolved(WorkspaceId workspace, TicketId ticket, CustomerId requester, UserId assignee, Instant at) {
}
