package dev.xiaoer.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.support.BrowserSession;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** An agent who closes every page goes offline after a grace period, and their chats go back to the queue. */
@IntegrationTest
@TestPropertySource(properties = "xiaoer.presence.offline-after=2s")
class AgentPresenceIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    AgentManagement agents;

    TestWorkspaces.TestWorkspace shop;
    WebSocketStompClient stomp;
    ChatVisitorClient visitors;
    BrowserSession browser;

    @BeforeEach
    void onlineAgent() {
        shop = workspaces.create("Orchard Direct");
        stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
        visitors = new ChatVisitorClient();
        browser = new BrowserSession(port);
        browser.signIn(shop.admin().email(), TestWorkspaces.PASSWORD);
        agents.setStatus(shop.workspace().id(), shop.admin().id(), AgentStatus.ONLINE);
    }

    @AfterEach
    void stop() {
        stomp.stop();
        visitors.close();
    }

    @Test
    void anAgentWhoseLastPageClosedGoesOfflineAndTheirChatGoesBackToTheQueue() throws Exception {
        var page = agentPage();
        var visitor = visitors.connect(port, shop.workspace().id().value().toString(), "v-" + UUID.randomUUID());
        visitor.send("c-1", "还在吗？");
        var number = ((Number) visitor.next().get("ticketNumber")).longValue();
        var api = TicketApi.forToken(port, shop.token());
        await().atMost(Duration.ofSeconds(10)).until(() -> api.byNumber(number).get("assignee") != null);

        page.disconnect();

        await().atMost(Duration.ofSeconds(15)).until(() -> status() == AgentStatus.OFFLINE);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.byNumber(number).get("assignee") == null);
    }

    @Test
    void movingFromOnePageToTheNextKeepsTheAgentOnline() throws Exception {
        agentPage().disconnect();
        var next = agentPage();

        // Longer than the grace period after the first page closed.
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(status()).isEqualTo(AgentStatus.ONLINE);
        next.disconnect();
    }

    private AgentStatus status() {
        return agents.get(shop.workspace().id(), shop.admin().id()).status();
    }

    /** An agent's page open: its live connection, signed in by the session cookie. */
    private StompSession agentPage() throws Exception {
        var headers = new WebSocketHttpHeaders();
        headers.add("Cookie", BrowserSession.SESSION_COOKIE + "=" + browser.cookie(BrowserSession.SESSION_COOKIE).orElseThrow());
        return stomp.connectAsync("ws://localhost:" + port + "/agent/ws", headers, new StompHeaders(),
                new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
    }
}
