package dev.xiaoer.ticket;

import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;

/** A ticket was opened; {@code followUpOf} is set when a message to a closed ticket started it. */
public record TicketCreated(WorkspaceId workspace, TicketId ticket, long number, CustomerId requester,
                            TicketChannel channel, TicketType type, TicketPriority priority, UserId assignee,
                            TeamId team, TicketId followUpOf, Instant at) {
}
