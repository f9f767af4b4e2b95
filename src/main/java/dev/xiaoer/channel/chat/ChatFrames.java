package dev.xiaoer.channel.chat;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.ticket.TimelineEntry;
import java.time.Instant;
import java.util.UUID;

/** What the widget and the server say to each other over STOMP, as JSON. */
final class ChatFrames {

    private ChatFrames() {
    }

    /**
     * A visitor's message; {@code clientId} is the widget's own id for it, echoed in the answer and
     * kept when the message is sent again, so that it is stored once.
     */
    record Send(String clientId, String text) {
    }

    /**
     * To the visitor: {@code ack} (their message is stored, on ticket {@code ticketNumber}),
     * {@code message} (an answer from the service team, {@code id} its timeline entry), or
     * {@code error} ({@code code} says why).
     */
    record ToVisitor(String type, String clientId, Long ticketNumber, UUID id, String from, String text, Instant at,
                     String code) {

        static ToVisitor ack(String clientId, long ticketNumber, Instant at) {
            return new ToVisitor("ack", clientId, ticketNumber, null, null, null, at, null);
        }

        static ToVisitor message(UUID id, String from, String text, Instant at) {
            return new ToVisitor("message", null, null, id, from, text, at, null);
        }

        static ToVisitor error(String clientId, String code) {
            return new ToVisitor("error", clientId, null, null, null, null, null, code);
        }
    }

    /**
     * A message of the conversation so far: {@code from} is {@code visitor} or {@code team};
     * {@code name} is the team member's, as on live answers.
     */
    record Earlier(UUID id, String from, String name, String text, Instant at) {

        static Earlier from(TimelineEntry message) {
            return message.author().type() == Actor.Type.CUSTOMER
                    ? new Earlier(message.id(), "visitor", null, message.body(), message.at())
                    : new Earlier(message.id(), "team", message.author().name(), message.body(), message.at());
        }
    }
}
