package dev.xiaoer.channel.chat;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.ticket.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the widget and the server say to each other over STOMP, as JSON. */
final class ChatFrames {

    private ChatFrames() {
    }

    /**
     * A visitor's message; {@code clientId} is the widget's own id for it, echoed in the answer and
     * kept when the message is sent again, so that it is stored once. {@code contact} is the e-mail
     * address or phone number left with it when nobody was online ({@code null} otherwise).
     */
    record Send(String clientId, String text, String contact) {
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
     * Where the visitor's chat stands, on connecting and whenever it changes: whether anyone of the team
     * is online, the chat's place in the queue while it waits ({@code null} otherwise), the name of the
     * agent answering it ({@code null} while nobody is), and up to when the team has read it;
     * {@code closedHours} names the chat hours when it is outside them ({@code null} while open).
     */
    record State(String type, boolean online, Integer position, String agent, Instant readUpTo, String closedHours,
                 boolean assistant) {

        static State of(boolean online, Integer position, String agent, Instant readUpTo) {
            return new State("state", online, position, agent, readUpTo, null, false);
        }

        /** Outside the workspace's chat hours: nobody counts as online, and the visitor hears the hours. */
        State closed(String hours) {
            return new State(type, false, position, agent, readUpTo, hours, assistant);
        }

        /** Whether the workspace's assistant answers new chats first: the widget greets as the assistant. */
        State withAssistant(boolean on) {
            return new State(type, online, position, agent, readUpTo, closedHours, on);
        }
    }

    /**
     * To the visitor, right after one of the assistant's messages ({@code message}): what the visitor
     * can do with it. An {@code answer} asks whether it helped; a {@code clarify} offers questions to
     * choose from.
     */
    record Assistant(String type, UUID message, UUID decision, String kind, List<Option> options) {

        record Option(UUID faq, String question) {
        }

        static Assistant of(UUID message, UUID decision, String kind, List<Option> options) {
            return new Assistant("assistant", message, decision, kind, List.copyOf(options));
        }
    }

    /** From the visitor: whether the assistant's answer helped. */
    record Feedback(UUID decision, Boolean helpful) {
    }

    /** From the visitor: the question they chose from the assistant's offer. */
    record Choice(UUID decision, UUID faq) {
    }

    /**
     * To the visitor: a file the team sent on their chat, {@code url} the address their browser fetches
     * it from (signed for their ticket), {@code contentType} detected from its bytes.
     */
    record File(String type, UUID id, String from, String name, String contentType, String url, Instant at) {

        static File of(UUID id, String from, String name, String contentType, String url, Instant at) {
            return new File("file", id, from, name, contentType, url, at);
        }
    }

    /** Someone on the other side is typing: {@code from} names the agent (to the visitor). */
    record Typing(String type, String from) {

        static Typing by(String from) {
            return new Typing("typing", from);
        }
    }

    /** The team has read the visitor's messages up to {@code upTo}. */
    record Read(String type, Instant upTo) {

        static Read upTo(Instant upTo) {
            return new Read("read", upTo);
        }
    }

    /** From the visitor: they have seen the team's messages up to {@code upTo}. */
    record Seen(Instant upTo) {
    }

    /** From an agent's page: they are typing a reply on ticket {@code number}. */
    record AgentTyping(long number) {
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
