package dev.xiaoer.demo;

import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.NewAgent;
import dev.xiaoer.agent.TeamId;
import dev.xiaoer.automation.CannedReplies;
import dev.xiaoer.automation.CannedReplyDraft;
import dev.xiaoer.automation.CannedReplyText;
import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.customer.NewCustomer;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Role;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.ticket.MessageAuthor;
import dev.xiaoer.ticket.NewMessage;
import dev.xiaoer.ticket.NewTicket;
import dev.xiaoer.ticket.TicketChanges;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import dev.xiaoer.workspace.Workspace;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the demo workspace from {@code demo/workspace.json} through the modules' own facades, so
 * the demo data obeys the same rules (numbers, timelines, events) as real data.
 */
@Component
class DemoWorkspace {

    private static final String CONTENT = "demo/workspace.json";

    private final WorkspaceManagement workspaces;
    private final IdentityManagement identity;
    private final AgentManagement agents;
    private final CustomerManagement customers;
    private final TicketManagement tickets;
    private final CannedReplies cannedReplies;
    private final JsonMapper json;

    DemoWorkspace(WorkspaceManagement workspaces, IdentityManagement identity, AgentManagement agents,
                  CustomerManagement customers, TicketManagement tickets, CannedReplies cannedReplies,
                  JsonMapper json) {
        this.workspaces = workspaces;
        this.identity = identity;
        this.agents = agents;
        this.customers = customers;
        this.tickets = tickets;
        this.cannedReplies = cannedReplies;
        this.json = json;
    }

    /** What someone needs to sign in to the demo workspace just created. */
    record SignIn(Workspace workspace, String email, String password, int tickets) {
    }

    DemoData content() {
        try (InputStream in = new ClassPathResource(CONTENT).getInputStream()) {
            return json.readValue(in, DemoData.class);
        } catch (IOException e) {
            throw new IllegalStateException("The demo content " + CONTENT + " cannot be read", e);
        }
    }

    SignIn create(DemoData data, String adminPassword) {
        var spec = data.workspace();
        var language = Locale.forLanguageTag(spec.language());
        var workspace = workspaces.create(spec.name(), language, ZoneId.of(spec.timeZone()),
                Currency.getInstance(spec.currency()));
        var admin = identity.createUser(data.admin().email(), data.admin().name(), adminPassword, language);
        identity.addMember(workspace.id(), admin, Role.OWNER);
        var owner = new Actor(Actor.Type.USER, admin.value(), data.admin().name(), workspace.id(), Role.OWNER);

        var teams = new HashMap<String, TeamId>();
        data.teams().forEach(team -> teams.put(team.key(),
                agents.createTeam(workspace.id(), team.name(), team.description(), List.of()).id()));

        var agentActors = new HashMap<String, Actor>();
        for (var agent : data.agents()) {
            var role = Role.valueOf(agent.role().toUpperCase(Locale.ROOT));
            var created = agents.create(workspace.id(), new NewAgent(agent.email(), agent.name(), null, role,
                    Locale.forLanguageTag(agent.languages().getFirst()), new LinkedHashSet<>(agent.languages()),
                    new LinkedHashSet<>(agent.categories()), agent.capacity(),
                    agent.teams().stream().map(teams::get).toList()), owner);
            agentActors.put(agent.key(), new Actor(Actor.Type.USER, created.agent().userId().value(), agent.name(),
                    workspace.id(), role));
        }

        var customerIds = new HashMap<String, CustomerId>();
        var customerNames = new HashMap<String, String>();
        for (var customer : data.customers()) {
            var identities = new ArrayList<ChannelIdentity>();
            var created = customers.create(workspace.id(), new NewCustomer(customer.name(), customer.email(),
                    customer.phone(), customer.language(), customer.tier(),
                    customer.tags() == null ? null : new LinkedHashSet<>(customer.tags()), customer.notes(), identities));
            customerIds.put(customer.key(), created.id());
            customerNames.put(customer.key(), customer.name());
        }

        for (var ticket : data.tickets()) {
            var customer = customerIds.get(ticket.customer());
            var customerActor = Actor.customer(workspace.id(), customer.value(), customerNames.get(ticket.customer()));
            var agent = Optional.ofNullable(ticket.assignee()).map(agentActors::get).orElse(owner);
            createTicket(ticket, customer, customerActor, agent, teams);
        }
        for (var reply : data.cannedReplies()) {
            cannedReplies.create(workspace.id(), new CannedReplyDraft(reply.title(), reply.shortcut(),
                    reply.texts().entrySet().stream()
                            .map(text -> new CannedReplyText(text.getKey(), text.getValue())).toList()));
        }
        return new SignIn(workspace, data.admin().email(), adminPassword, data.tickets().size());
    }

    private void createTicket(DemoData.TicketSpec spec, CustomerId customer, Actor customerActor, Actor agent,
                              Map<String, TeamId> teams) {
        var messages = spec.messages();
        var first = messages.getFirst();
        var created = tickets.create(customerActor, NewTicket.fromCustomer(customer, spec.subject(), first.body())
                .via(TicketChannel.valueOf(spec.channel().toUpperCase(Locale.ROOT)))
                .classified(TicketType.valueOf(spec.type().toUpperCase(Locale.ROOT)),
                        TicketPriority.valueOf(spec.priority().toUpperCase(Locale.ROOT)))
                .tagged(spec.tags() == null ? null : new LinkedHashSet<>(spec.tags())));
        var id = created.id();
        var assignee = spec.assignee() == null ? null : new UserId(agent.id());
        var team = spec.team() == null ? null : teams.get(spec.team());
        if (assignee != null || team != null) {
            tickets.update(agent, id, TicketChanges.none().withAssignee(assignee).withTeam(team), null);
        }
        for (var message : messages.subList(1, messages.size())) {
            switch (message.from()) {
                case "customer" -> tickets.reply(customerActor, id,
                        new NewMessage(message.body(), MessageAuthor.CUSTOMER, null, null));
                case "agent" -> tickets.reply(agent, id, new NewMessage(message.body(), MessageAuthor.AGENT, null, null));
                case "note" -> tickets.note(agent, id, message.body());
                default -> throw new IllegalStateException("Unknown message sender in demo content: " + message.from());
            }
        }
        var target = TicketStatus.valueOf(spec.status().toUpperCase(Locale.ROOT));
        var current = tickets.get(agent.workspace(), id).status();
        if (target == TicketStatus.CLOSED && current != TicketStatus.SOLVED) {
            tickets.update(agent, id, TicketChanges.status(TicketStatus.SOLVED), null);
            current = TicketStatus.SOLVED;
        }
        if (target != current) {
            tickets.update(agent, id, TicketChanges.status(target), null);
        }
    }
}
