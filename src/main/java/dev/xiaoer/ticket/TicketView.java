package dev.xiaoer.ticket;

import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A ticket as other modules and the API see it. {@code customFields} maps each set field's key to
 * its typed value: {@link String} for text and single-select, {@link java.math.BigDecimal} for
 * numbers, {@link java.time.LocalDate} for dates. {@code version} grows with every change and is
 * what {@code If-Match} compares against. {@code awaitingReplySince} is when the customer's oldest
 * unanswered message arrived, {@code null} when nobody waits for an answer.
 */
public record TicketView(TicketId id, WorkspaceId workspace, long number, String subject, TicketType type,
                         TicketPriority priority, TicketStatus status, TicketChannel channel,
                         CustomerId requester, String requesterName, UserId assignee, String assigneeName,
                         TeamId team, String teamName, List<String> tags, Map<String, Object> customFields,
                         TicketLink followUpOf, TicketLink mergedInto, Instant createdAt, Instant updatedAt,
                         Instant solvedAt, Instant closedAt, long version, Instant awaitingReplySince) {
}
