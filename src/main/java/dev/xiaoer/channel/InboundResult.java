package dev.xiaoer.channel;

import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketLink;

/**
 * Where an inbound message was filed. {@code ticketCreated} tells a new ticket from one that was
 * continued; {@code followUpOf} is set when the thread's ticket was closed and the message started
 * a follow-up. {@code withAssistant} tells whether the assistant is answering the ticket (a chat
 * the workspace lets the assistant answer first), so the caller knows whether to ask it.
 */
public record InboundResult(TicketId ticket, long number, boolean ticketCreated, TicketLink followUpOf,
                            CustomerId customer, boolean withAssistant) {
}
