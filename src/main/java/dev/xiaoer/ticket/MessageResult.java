package dev.xiaoer.ticket;

import dev.xiaoer.customer.CustomerId;
import java.time.Instant;

/**
 * Where a message landed and the ticket's state afterwards. A message to a closed ticket lands on
 * a follow-up ticket: then {@code ticket} is the follow-up and {@code followUpOf} the closed one.
 * {@code withAssistant} tells whether the assistant is answering the ticket after the message.
 */
public record MessageResult(TicketId ticket, long number, TicketStatus status, long version, Instant updatedAt,
                            CustomerId requester, TimelineEntry entry, TicketLink followUpOf, boolean withAssistant) {
}
