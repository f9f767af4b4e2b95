package dev.xiaoer.channel.chat;

import java.time.Instant;

/** What the widget and the server say to each other over STOMP, as JSON. */
final class ChatFrames {

    private ChatFrames() {
    }

    /** A visitor's message; {@code clientId} is the widget's own id for it, echoed in the answer. */
    record Send(String clientId, String text) {
    }

    /**
     * To the visitor: {@code ack} (their message is stored, on ticket {@code ticketNumber}),
     * {@code message} (an answer from the service team), or {@code error} ({@code code} says why).
     */
    record ToVisitor(String type, String clientId, Long ticketNumber, String from, String text, Instant at,
                     String code) {

        static ToVisitor ack(String clientId, long ticketNumber, Instant at) {
            return new ToVisitor("ack", clientId, ticketNumber, null, null, at, null);
        }

        static ToVisitor message(String from, String text, Instant at) {
            return new ToVisitor("message", null, null, from, text, at, null);
        }

        static ToVisitor error(String clientId, String code) {
            return new ToVisitor("error", clientId, null, null, null, null, code);
        }
    }
}
