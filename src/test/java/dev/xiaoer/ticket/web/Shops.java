package dev.xiaoer.ticket.web;

import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.customer.NewCustomer;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Role;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.ticket.NewMessage;
import dev.xiaoer.ticket.NewTicket;
import dev.xiaoer.ticket.TicketChanges;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.support.TestWorkspaces.TestUser;
import dev.xiaoer.support.TestWorkspaces.TestWorkspace;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fixture factory for the agent pages: a fresh workspace whose agents, customers and tickets are
 * made through the modules' facades, as the pages will find them.
 */
final class Shops {

    private final TestWorkspaces workspaces;
    private final IdentityManagement identity;
    private final CustomerManagement customers;
    private final TicketManagement tickets;
    private final AgentManagement agents;

    Shops(TestWorkspaces workspaces, IdentityManagement identity, CustomerManagement customers,
          TicketManagement tickets, AgentManagement agents) {
        this.workspaces = workspaces;
        this.identity = identity;
        this.customers = customers;
        this.tickets = tickets;
        this.agents = agents;
    }

    /** A workspace whose admin (the one who signs in) is called {@code adminName} and reads English. */
    Shop open(String name, String adminName) {
        var workspace = workspaces.create(name);
        identity.updateProfile(workspace.admin().id(), adminName, Locale.ENGLISH);
        return new Shop(workspace, adminName);
    }

    final class Shop {

        final TestWorkspace workspace;
        final Actor admin;

        private Shop(TestWorkspace workspace, String adminName) {
            this.workspace = workspace;
            this.admin = new Actor(Actor.Type.USER, workspace.admin().id().value(), adminName,
                    workspace.workspace().id(), Role.ADMIN);
        }

        String adminEmail() {
            return workspace.admin().email();
        }

        TestUser agent(String name) {
            return agent(name, Locale.ENGLISH);
        }

        TestUser agent(String name, Locale language) {
            var user = workspaces.user(workspace.workspace(), Role.AGENT);
            identity.updateProfile(user.id(), name, language);
            return user;
        }

        Actor actor(TestUser user, String name) {
            return new Actor(Actor.Type.USER, user.id().value(), name, workspace.workspace().id(), Role.AGENT);
        }

        TeamId team(String name, UserId... members) {
            return agents.createTeam(workspace.workspace().id(), name, null, List.of(members)).id();
        }

        CustomerId customer(String name, String email, String language, String tier, String... tags) {
            return customer(new NewCustomer(name, email, null, language, tier, Set.of(tags), null, List.of()));
        }

        CustomerId customer(NewCustomer customer) {
            return customers.create(workspace.workspace().id(), customer).id();
        }

        TicketView ticket(CustomerId customer, String subject, String body) {
            return tickets.create(admin, NewTicket.fromCustomer(customer, subject, body));
        }

        TicketView ticket(CustomerId customer, String subject, String body, TicketType type, TicketPriority priority,
                          TicketChannel channel, UserId assignee, TeamId team, String... tags) {
            return tickets.create(admin, NewTicket.fromCustomer(customer, subject, body).classified(type, priority)
                    .via(channel).assignedTo(assignee, team).tagged(Set.of(tags)));
        }

        void reply(Actor agent, TicketView ticket, String body) {
            tickets.reply(agent, ticket.id(), NewMessage.fromAgent(body));
        }

        /** The requester writes again, as on their self-service page. */
        void customerWrites(TicketView ticket, String body) {
            var id = workspace.workspace().id();
            var name = customers.names(id, List.of(ticket.requester())).get(ticket.requester());
            tickets.reply(Actor.customer(id, ticket.requester().value(), name), ticket.id(),
                    NewMessage.fromCustomer(body));
        }

        void note(Actor agent, TicketView ticket, String body) {
            tickets.note(agent, ticket.id(), body);
        }

        void status(Actor agent, TicketView ticket, TicketStatus status) {
            tickets.update(agent, ticket.id(), TicketChanges.status(status), null);
        }

        void change(Actor agent, TicketView ticket, TicketChanges changes) {
            tickets.update(agent, ticket.id(), changes, null);
        }

        TicketView get(TicketView ticket) {
            return tickets.get(workspace.workspace().id(), ticket.id());
        }
    }
}
