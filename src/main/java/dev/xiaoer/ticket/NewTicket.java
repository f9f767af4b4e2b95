package dev.xiaoer.ticket;

import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.identity.UserId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What it takes to open a ticket: a subject, the first message and who asks. Everything else
 * has a default: the first message comes from the customer, type {@code inquiry}, priority
 * {@code normal}, channel {@code api}, nobody assigned, no tags or custom fields.
 * {@code customFields} values follow {@link TicketView#customFields()}; strings are accepted for
 * every type.
 */
public record NewTicket(String subject, String body, MessageAuthor author, Requester requester, TicketType type,
                        TicketPriority priority, TicketChannel channel, UserId assignee, TeamId team,
                        Set<String> tags, Map<String, Object> customFields) {

    public NewTicket {
        Objects.requireNonNull(requester, "requester");
        author = author == null ? MessageAuthor.CUSTOMER : author;
        type = type == null ? TicketType.INQUIRY : type;
        priority = priority == null ? TicketPriority.NORMAL : priority;
        channel = channel == null ? TicketChannel.API : channel;
        tags = tags == null ? Set.of() : tags;
        customFields = customFields == null ? Map.of() : customFields;
    }

    /** A customer's question, as it arrives. */
    public static NewTicket fromCustomer(CustomerId requester, String subject, String body) {
        return fromCustomer(Requester.customer(requester), subject, body);
    }

    public static NewTicket fromCustomer(Requester requester, String subject, String body) {
        return new NewTicket(subject, body, MessageAuthor.CUSTOMER, requester, null, null, null, null, null, null, null);
    }

    /** A conversation the service team starts with a customer. */
    public static NewTicket fromAgent(CustomerId requester, String subject, String body) {
        return new NewTicket(subject, body, MessageAuthor.AGENT, Requester.customer(requester), null, null, null, null,
                null, null, null);
    }

    public NewTicket writtenBy(MessageAuthor author) {
        return new NewTicket(subject, body, author, requester, type, priority, channel, assignee, team, tags, customFields);
    }

    public NewTicket via(TicketChannel channel) {
        return new NewTicket(subject, body, author, requester, type, priority, channel, assignee, team, tags, customFields);
    }

    public NewTicket classified(TicketType type, TicketPriority priority) {
        return new NewTicket(subject, body, author, requester, type, priority, channel, assignee, team, tags, customFields);
    }

    public NewTicket assignedTo(UserId assignee, TeamId team) {
        return new NewTicket(subject, body, author, requester, type, priority, channel, assignee, team, tags, customFields);
    }

    public NewTicket tagged(Set<String> tags) {
        return new NewTicket(subject, body, author, requester, type, priority, channel, assignee, team, tags, customFields);
    }

    public NewTicket withCustomFields(Map<String, Object> customFields) {
        return new NewTicket(subject, body, author, requester, type, priority, channel, assignee, team, tags, customFields);
    }
}
