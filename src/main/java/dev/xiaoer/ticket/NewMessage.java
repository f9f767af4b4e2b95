package dev.xiaoer.ticket;

import java.util.Objects;

/**
 * A public message for a ticket. {@code status}, when given, is set after the message (an agent's
 * "reply and mark pending"); {@code channel} is the channel it came through, used when the message
 * starts a follow-up ticket (default: the original ticket's channel).
 */
public record NewMessage(String body, MessageAuthor author, TicketStatus status, TicketChannel channel) {

    public NewMessage {
        Objects.requireNonNull(author, "author");
    }

    public static NewMessage fromAgent(String body) {
        return new NewMessage(body, MessageAuthor.AGENT, null, null);
    }

    public static NewMessage fromCustomer(String body) {
        return new NewMessage(body, MessageAuthor.CUSTOMER, null, null);
    }

    public NewMessage thenStatus(TicketStatus status) {
        return new NewMessage(body, author, status, channel);
    }

    public NewMessage via(TicketChannel channel) {
        return new NewMessage(body, author, status, channel);
    }
}
