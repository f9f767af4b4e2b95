package dev.xiaoer.ticket.web;

import dev.xiaoer.agent.Agent;
import dev.xiaoer.agent.AgentFilter;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.Customer;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the agent pages share: times in the workspace's zone, the agents and teams to choose from, requesters' details. */
@Component
class PageSupport {

    /** An agent or team as a choice in a select. */
    record Option(String value, String label) {
    }

    private final WorkspaceManagement workspaces;
    private final AgentManagement agents;
    private final CustomerManagement customers;
    private final MessageSource messages;
    private final Clock clock;

    PageSupport(WorkspaceManagement workspaces, AgentManagement agents, CustomerManagement customers,
                MessageSource messages, Clock clock) {
        this.workspaces = workspaces;
        this.agents = agents;
        this.customers = customers;
        this.messages = messages;
        this.clock = clock;
    }

    TimeText times(WorkspaceId workspace, Locale locale) {
        return new TimeText(clock.instant(), workspaces.get(workspace).timeZone(), locale, messages);
    }

    /** The workspace's agents by name; the reader first, marked as such. */
    List<Option> agents(Actor reader, Locale locale) {
        var all = agents.list(reader.workspace(), AgentFilter.all());
        var me = all.stream().filter(agent -> agent.userId().value().equals(reader.id()))
                .map(agent -> new Option(agent.userId().value().toString(),
                        messages.getMessage("ticket.assignee.me-named", new Object[] {agent.displayName()}, locale)));
        var others = all.stream().filter(agent -> !agent.userId().value().equals(reader.id()))
                .map(agent -> new Option(agent.userId().value().toString(), agent.displayName()));
        return Stream.concat(me, others).toList();
    }

    /** The teams the reader belongs to; none for a member who is no agent. */
    Set<TeamId> myTeams(Actor reader) {
        if (!reader.isUser()) {
            return Set.of();
        }
        try {
            return agents.get(reader.workspace(), reader.userId()).teams().stream()
                    .map(Agent.TeamMembership::id).collect(Collectors.toUnmodifiableSet());
        } catch (NotFound notAnAgent) {
            return Set.of();
        }
    }

    List<Option> teams(WorkspaceId workspace) {
        return agents.teams(workspace).stream().map(team -> new Option(team.id().value().toString(), team.name()))
                .toList();
    }

    /** The requesters of these tickets, for their language and tier. */
    Map<CustomerId, Customer> requesters(WorkspaceId workspace, Collection<TicketView> tickets) {
        return customers.findAll(workspace, tickets.stream().map(TicketView::requester).filter(Objects::nonNull)
                .distinct().toList());
    }

    /** A language tag as agents glance at it ("zh"), with its full name in the reader's language. */
    static Language language(String tag, Locale reader) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        var locale = Locale.forLanguageTag(tag);
        var name = locale.getDisplayLanguage(reader);
        return new Language(locale.getLanguage(), name.isEmpty() ? tag : name);
    }

    record Language(String code, String name) {
    }
}
