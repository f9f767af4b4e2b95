package dev.xiaoer.ticket;

import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.identity.UserId;
import java.time.Instant;
import java.util.Set;

/**
 * Which tickets a list shows; {@code null} (or an empty status set) means "any". {@code unassigned}
 * asks for tickets without an assignee; {@code teams}, when set, for tickets of one of those teams.
 * {@code text} matches the subject (case-insensitive) or,
 * written as {@code 1042} or {@code #1042}, the number.
 */
public record TicketFilter(Set<TicketStatus> statuses, UserId assignee, boolean unassigned, TeamId team, String tag,
                           TicketType type, TicketPriority priority, Instant updatedSince, String text,
                           CustomerId requester, Set<TeamId> teams, TicketChannel channel) {

    public TicketFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        teams = teams == null ? null : Set.copyOf(teams);
    }

    public static TicketFilter all() {
        return new TicketFilter(Set.of(), null, false, null, null, null, null, null, null, null, null, null);
    }

    /** Tickets of any of these teams; none at all for an empty set. */
    public TicketFilter inTeams(Set<TeamId> teams) {
        return new TicketFilter(statuses, assignee, unassigned, team, tag, type, priority, updatedSince, text, requester,
                teams, channel);
    }

    public TicketFilter onChannel(TicketChannel channel) {
        return new TicketFilter(statuses, assignee, unassigned, team, tag, type, priority, updatedSince, text, requester,
                teams, channel);
    }

    public TicketFilter withStatuses(Set<TicketStatus> statuses) {
        return new TicketFilter(statuses, assignee, unassigned, team, tag, type, priority, updatedSince, text, requester,
                teams, channel);
    }

    public TicketFilter withAssignee(UserId assignee) {
        return new TicketFilter(statuses, assignee, false, team, tag, type, priority, updatedSince, text, requester,
                teams, channel);
    }

    public TicketFilter onlyUnassigned() {
        return new TicketFilter(statuses, null, true, team, tag, type, priority, updatedSince, text, requester,
                teams, channel);
    }

    public TicketFilter withTeam(TeamId team) {
        return new TicketFilter(statuses, assignee, unassigned, team, tag, type, priority, updatedSince, text, requester,
                teams, channel);
    }

    public TicketFilter withTag(String tag) {
        return new TicketFilter(statuses, assignee, unassigned, team, tag, type, priority, updatedSince, text, requester,
                teams, channel);
    }

    public TicketFilter withType(TicketType type) {
        return new TicketFilter(statuses, assignee, unassigned, team, tag, type, priority, updatedSince, text, requester,
                teams, channel);
    }

    public TicketFilter withPriority(TicketPriority priority) {
        return new TicketFilter(statuses, assignee, unassigned, team, tag, type, priority, updatedSince, text, requester,
                teams, channel);
    }

    public TicketFilter updatedSince(Instant updatedSince) {
        return new TicketFilter(statuses, assignee, unassigned, team, tag, type, priority, updatedSince, text, requester,
                teams, channel);
    }

    public TicketFilter withText(String text) {
        return new TicketFilter(statuses, assignee, unassigned, team, tag, type, priority, updatedSince, text, requester,
                teams, channel);
    }

    public TicketFilter withRequester(CustomerId requester) {
        return new TicketFilter(statuses, assignee, unassigned, team, tag, type, priority, updatedSince, text, requester,
                teams, channel);
    }
}
