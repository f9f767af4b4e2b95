package dev.xiaoer.ticket;

import dev.xiaoer.agent.TeamId;
import dev.xiaoer.identity.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changes to a ticket's fields; {@code null} leaves a field as it is. {@code assignee} and
 * {@code team} are {@link Optional} so that "leave as is" ({@code null}) differs from "remove"
 * ({@link Optional#empty()}). {@code tags} replaces the whole set. In {@code customFields} a key
 * mapped to {@code null} clears that field; values follow {@link NewTicket#customFields()}.
 */
public record TicketChanges(String subject, TicketType type, TicketPriority priority, TicketStatus status,
                            Optional<UserId> assignee, Optional<TeamId> team, Set<String> tags,
                            Map<String, Object> customFields) {

    public static TicketChanges none() {
        return new TicketChanges(null, null, null, null, null, null, null, null);
    }

    public static TicketChanges status(TicketStatus status) {
        return none().withStatus(status);
    }

    public TicketChanges withSubject(String subject) {
        return new TicketChanges(subject, type, priority, status, assignee, team, tags, customFields);
    }

    public TicketChanges withType(TicketType type) {
        return new TicketChanges(subject, type, priority, status, assignee, team, tags, customFields);
    }

    public TicketChanges withPriority(TicketPriority priority) {
        return new TicketChanges(subject, type, priority, status, assignee, team, tags, customFields);
    }

    public TicketChanges withStatus(TicketStatus status) {
        return new TicketChanges(subject, type, priority, status, assignee, team, tags, customFields);
    }

    /** Assigns to this agent, or unassigns with {@code null}. */
    public TicketChanges withAssignee(UserId assignee) {
        return new TicketChanges(subject, type, priority, status, Optional.ofNullable(assignee), team, tags, customFields);
    }

    /** Moves to this team, or to no team with {@code null}. */
    public TicketChanges withTeam(TeamId team) {
        return new TicketChanges(subject, type, priority, status, assignee, Optional.ofNullable(team), tags, customFields);
    }

    public TicketChanges withTags(Set<String> tags) {
        return new TicketChanges(subject, type, priority, status, assignee, team, tags, customFields);
    }

    public TicketChanges withCustomFields(Map<String, Object> customFields) {
        return new TicketChanges(subject, type, priority, status, assignee, team, tags, customFields);
    }
}
