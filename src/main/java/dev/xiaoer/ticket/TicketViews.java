package dev.xiaoer.ticket;

import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Member;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.ticket.domain.CustomFieldRules;
import dev.xiaoer.ticket.domain.Ticket;
import dev.xiaoer.ticket.infra.FieldDefinitionRows;
import dev.xiaoer.ticket.infra.TicketRows;
import dev.xiaoer.workspace.WorkspaceId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns stored tickets into {@link TicketView}s. Whatever the number of tickets, it reads tags,
 * custom values and the names of requesters, assignees and teams in one query each.
 */
@Component
class TicketViews {

    private final TicketRows tickets;
    private final FieldDefinitionRows fields;
    private final CustomerManagement customers;
    private final IdentityManagement identity;
    private final AgentManagement agents;

    TicketViews(TicketRows tickets, FieldDefinitionRows fields, CustomerManagement customers,
                IdentityManagement identity, AgentManagement agents) {
        this.tickets = tickets;
        this.fields = fields;
        this.customers = customers;
        this.identity = identity;
        this.agents = agents;
    }

    TicketView of(Ticket ticket) {
        return of(ticket.workspace(), List.of(ticket)).getFirst();
    }

    List<TicketView> of(WorkspaceId workspace, List<Ticket> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        var ids = page.stream().map(Ticket::id).toList();
        var tags = tickets.tags(ids);
        var values = tickets.fieldValues(ids);
        var definitions = values.isEmpty() ? List.<TicketFieldDefinition>of() : fields.all(workspace);
        var requesters = customers.names(workspace, distinct(page, Ticket::requester));
        var assignees = assigneeNames(workspace, distinct(page, Ticket::assignee));
        var teams = agents.teamNames(workspace, distinct(page, Ticket::team));
        return page.stream().map(ticket -> view(ticket, tags.getOrDefault(ticket.id(), new TreeSet<>()),
                customFields(definitions, values.getOrDefault(ticket.id(), Map.of())),
                requesters.get(ticket.requester()), name(assignees, ticket.assignee()), name(teams, ticket.team())))
                .toList();
    }

    /** The view of a ticket whose related names and values the caller already knows. */
    static TicketView view(Ticket ticket, SortedSet<String> tags, Map<String, Object> customFields,
                           String requesterName, String assigneeName, String teamName) {
        return new TicketView(ticket.id(), ticket.workspace(), ticket.number(), ticket.subject(), ticket.type(),
                ticket.priority(), ticket.status(), ticket.channel(), ticket.requester(), requesterName,
                ticket.assignee(), ticket.assignee() == null ? null : assigneeName, ticket.team(),
                ticket.team() == null ? null : teamName, List.copyOf(tags), customFields, ticket.followUpOf(),
                ticket.mergedInto(), ticket.createdAt(), ticket.updatedAt(), ticket.solvedAt(), ticket.closedAt(),
                ticket.version(), ticket.awaitingReplySince());
    }

    /** Typed custom field values by key, in the order the workspace defined its fields. */
    static Map<String, Object> customFields(List<TicketFieldDefinition> definitions, Map<UUID, String> stored) {
        var result = new LinkedHashMap<String, Object>();
        for (var definition : definitions) {
            var value = stored.get(definition.id());
            if (value != null) {
                result.put(definition.key(), CustomFieldRules.read(definition.type(), value));
            }
        }
        return result;
    }

    private Map<UserId, String> assigneeNames(WorkspaceId workspace, Collection<UserId> assignees) {
        if (assignees.isEmpty()) {
            return Map.of();
        }
        if (assignees.size() == 1) {
            var only = assignees.iterator().next();
            var result = new HashMap<UserId, String>();
            identity.member(workspace, only).ifPresent(member -> result.put(only, member.displayName()));
            return result;
        }
        return identity.members(workspace).stream()
                .collect(Collectors.toMap(Member::userId, Member::displayName, (a, b) -> a));
    }

    private static <K> String name(Map<K, String> names, K id) {
        return id == null ? null : names.get(id);
    }

    private static <T> List<T> distinct(List<Ticket> page, Function<Ticket, T> id) {
        return page.stream().map(id).filter(Objects::nonNull).distinct().toList();
    }
}
