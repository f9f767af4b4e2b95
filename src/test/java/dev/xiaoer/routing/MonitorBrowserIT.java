package dev.xiaoer.routing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.xiaoer.agent.AgentChanges;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.IdentityType;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Role;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.NewTicket;
import dev.xiaoer.ticket.Requester;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketView;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A supervisor watches the chat queue live and moves chats; agents set their presence and take chats. */
@IntegrationTest
@RequiresBrowser
class MonitorBrowserIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AgentManagement agents;
    @Autowired
    TicketManagement tickets;

    @Test
    void theQueueFillsLiveAndEmptiesWhenAnAgentComesOnlineAndTheSupervisorMovesChats() {
        var shop = workspaces.create("Green Valley");
        var admin = actor(shop);
        var wang = agent(shop, "王芳", 2);
        var li = agent(shop, "李伟", 2);
        try (var supervisorBrowser = browser.desktop(port); var agentBrowser = browser.desktop(port)) {
            var monitor = supervisorBrowser.newPage();
            Browser.signIn(monitor, shop.admin().email(), TestWorkspaces.PASSWORD);
            monitor.navigate("/monitor");
            assertThat(monitor.locator("main[data-xo-live=connected]")).isVisible();
            assertThat(monitor.getByTestId("queue-empty")).isVisible();

            var chat = chat(admin, "化肥什么时候发货？");
            var queued = monitor.getByTestId("queued-chat");
            assertThat(queued).hasCount(1);
            assertThat(queued).containsText("化肥什么时候发货？");
            assertThat(queued).containsText("waiting");
            assertThat(monitor.getByTestId("waiting-count")).hasText("1");

            var agentPage = agentBrowser.newPage();
            Browser.signIn(agentPage, wang.email(), TestWorkspaces.PASSWORD);
            agentPage.navigate("/tickets?view=mine");
            var presence = agentPage.locator(".xo-topbar").getByTestId("presence");
            assertThat(presence).hasAttribute("data-status", "offline");
            presence.getByTestId("presence-toggle").click();
            presence.getByTestId("presence-online").click();
            assertThat(agentPage.locator(".xo-topbar").getByTestId("presence")).hasAttribute("data-status", "online");

            assertThat(monitor.getByTestId("queue-empty")).isVisible();
            var wangRow = agentRow(monitor, "王芳");
            assertThat(wangRow.getByTestId("agent-status")).hasText("Online");
            assertThat(wangRow.getByTestId("held-chat")).containsText("化肥什么时候发货？");
            assertThat(wangRow.getByTestId("agent-load")).hasText("1 of 2 chats");
            assertThat(agentPage.getByTestId("ticket-row")).containsText("化肥什么时候发货？");
            Browser.screenshot(monitor, "monitor");

            monitor.getByTestId("reassign-" + chat.number()).selectOption(li.id().value().toString());
            assertThat(agentRow(monitor, "李伟").getByTestId("held-chat")).containsText("化肥什么时候发货？");
            monitor.getByTestId("take-over-" + chat.number()).click();
            assertThat(agentRow(monitor, "李伟").getByTestId("held-chat")).hasCount(0);
            assertThat(monitor.getByTestId("held-chat")).hasCount(1);
            assertThat(current(chat).assignee()).isEqualTo(shop.admin().id());
        }
    }

    @Test
    void anAwayAgentTakesTheNextWaitingChatThemselvesAndItOpens() {
        var shop = workspaces.create("Orchard Direct");
        var admin = actor(shop);
        var emma = agent(shop, "Emma Schmidt", 3);
        agents.setStatus(shop.workspace().id(), emma.id(), AgentStatus.AWAY);
        var chat = chat(admin, "Do you ship seeds to Austria?");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, emma.email(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets?view=unassigned");
            var presence = page.locator(".xo-topbar").getByTestId("presence");
            assertThat(presence).hasAttribute("data-status", "away");
            presence.getByTestId("presence-toggle").click();
            assertThat(presence.getByTestId("take-next")).containsText("1 waiting");
            presence.getByTestId("take-next").click();

            assertThat(page).hasURL(Pattern.compile(".*/tickets/" + chat.number() + "$"));
            assertThat(page.getByTestId("ticket-subject")).hasText("Do you ship seeds to Austria?");
            assertThat(current(chat).assignee()).isEqualTo(emma.id());
        }
    }

    @Test
    void anAgentWhoIsNoSupervisorCannotOpenTheMonitor() {
        var shop = workspaces.create("Quiet Shop");
        var agent = agent(shop, "Lin Jing", 3);
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, agent.email(), TestWorkspaces.PASSWORD);
            var response = page.navigate("/monitor");
            assertThat(response.status()).isEqualTo(403);
            page.navigate("/tickets");
            assertThat(page.locator("[data-nav=monitor]")).hasCount(0);
        }
    }

    private TestWorkspaces.TestUser agent(TestWorkspaces.TestWorkspace shop, String name, int capacity) {
        var user = workspaces.user(shop.workspace(), Role.AGENT);
        identity.updateProfile(user.id(), name, Locale.ENGLISH);
        agents.update(shop.workspace().id(), user.id(), new AgentChanges(null, null, capacity, null, null),
                actor(shop));
        return user;
    }

    private static Actor actor(TestWorkspaces.TestWorkspace shop) {
        return new Actor(Actor.Type.USER, shop.admin().id().value(), "Admin", shop.workspace().id(), Role.ADMIN);
    }

    private TicketView chat(Actor admin, String text) {
        var visitor = new ChannelIdentity(IdentityType.CHAT_VISITOR, "v-" + UUID.randomUUID());
        return tickets.create(admin, NewTicket.fromCustomer(Requester.identity(visitor, null), text, text)
                .via(TicketChannel.CHAT));
    }

    private TicketView current(TicketView chat) {
        return tickets.get(chat.workspace(), chat.id());
    }

    /** The agent's row, found by their name itself (other rows name them too, in "give to" choices). */
    private static Locator agentRow(Page monitor, String name) {
        return monitor.getByTestId("agent-row").filter(new Locator.FilterOptions()
                .setHas(monitor.getByText(name, new Page.GetByTextOptions().setExact(true))));
    }
}
