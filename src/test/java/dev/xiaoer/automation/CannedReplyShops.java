package dev.xiaoer.automation;

import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.customer.NewCustomer;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Role;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.support.TestWorkspaces.TestUser;
import dev.xiaoer.support.TestWorkspaces.TestWorkspace;
import dev.xiaoer.ticket.NewTicket;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.workspace.WorkspaceId;
import java.util.List;
import java.util.Locale;

/**
 * Fixture factory for canned replies: a fresh workspace whose agents, customers, tickets and canned
 * replies are made through the modules' facades, as the pages and the API will find them.
 */
public final class CannedReplyShops {

    private final TestWorkspaces workspaces;
    private final IdentityManagement identity;
    private final CustomerManagement customers;
    private final TicketManagement tickets;
    private final CannedReplies replies;

    public CannedReplyShops(TestWorkspaces workspaces, IdentityManagement identity, CustomerManagement customers,
                            TicketManagement tickets, CannedReplies replies) {
        this.workspaces = workspaces;
        this.identity = identity;
        this.customers = customers;
        this.tickets = tickets;
        this.replies = replies;
    }

    public static CannedReplyText zh(String text) {
        return new CannedReplyText("zh-CN", text);
    }

    public static CannedReplyText en(String text) {
        return new CannedReplyText("en", text);
    }

    /** The canned reply a fruit shop sends when rain holds up its parcels, in Chinese and English. */
    public static CannedReplyDraft deliveryDelay() {
        return new CannedReplyDraft("发货延迟 / Delivery delay", "delay", List.of(
                zh("{{customer.name}}您好，您的工单 #{{ticket.number}} 的包裹因暴雨延迟发货，预计两天内发出。—— {{agent.name}}"),
                en("Hi {{customer.name}}, the parcel of ticket #{{ticket.number}} is delayed by heavy rain and leaves"
                        + " within two days. — {{agent.name}}")));
    }

    /** A workspace whose admin is called {@code adminName} and reads English. */
    public Shop open(String name, String adminName) {
        var workspace = workspaces.create(name);
        identity.updateProfile(workspace.admin().id(), adminName, Locale.ENGLISH);
        return new Shop(workspace, adminName);
    }

    public final class Shop {

        public final TestWorkspace workspace;
        public final Actor admin;

        private Shop(TestWorkspace workspace, String adminName) {
            this.workspace = workspace;
            this.admin = new Actor(Actor.Type.USER, workspace.admin().id().value(), adminName,
                    workspace.workspace().id(), Role.ADMIN);
        }

        public WorkspaceId id() {
            return workspace.workspace().id();
        }

        public String adminEmail() {
            return workspace.admin().email();
        }

        /** An agent who reads the pages in {@code language}. */
        public TestUser agent(String name, Locale language) {
            var user = workspaces.user(workspace.workspace(), Role.AGENT);
            identity.updateProfile(user.id(), name, language);
            return user;
        }

        public Actor actor(TestUser user, String name) {
            return new Actor(Actor.Type.USER, user.id().value(), name, id(), Role.AGENT);
        }

        /** @param language the customer's language tag, or {@code null} when unknown */
        public CustomerId customer(String name, String language) {
            return customers.create(id(), new NewCustomer(name, null, null, language, null, null, null, List.of()))
                    .id();
        }

        public TicketView ticket(CustomerId customer, String subject) {
            return tickets.create(admin, NewTicket.fromCustomer(customer, subject, subject + "?"));
        }

        public CannedReply reply(CannedReplyDraft draft) {
            return replies.create(id(), draft);
        }
    }
}
