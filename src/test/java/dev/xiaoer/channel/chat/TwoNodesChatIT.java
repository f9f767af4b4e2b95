package dev.xiaoer.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.XiaoerApplication;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.support.BrowserSession;
import dev.xiaoer.support.RequiresRabbitMq;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Two nodes of Xiaoer on one database, relaying chat through RabbitMQ: a visitor connected to one
 * node and an agent on the other chat as on one node: the new chat, typing both ways, who answers,
 * read receipts and the answer all cross over. The agent's sign-in, made on one node, holds on the
 * other (sessions are in the database).
 */
@RequiresRabbitMq
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesChatIT {

    ConfigurableApplicationContext first;
    ConfigurableApplicationContext second;
    ChatVisitorClient visitors;

    @BeforeAll
    void startTwoNodes() {
        first = node();
        second = node();
        visitors = new ChatVisitorClient();
    }

    @AfterAll
    void stopNodes() {
        if (visitors != null) {
            visitors.close();
        }
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aVisitorOnOneNodeGetsTheAnswerWrittenOnTheOther() throws Exception {
        var shop = first.getBean(TestWorkspaces.class).create("Two Node Orchard");
        var agentOnFirst = TicketApi.forToken(port(first), shop.token());
        var visitor = visitors.connect(port(second), shop.workspace().id().value().toString(), "v-" + UUID.randomUUID());

        visitor.send("c-1", "两台服务器也能收到吗？");
        var ack = visitor.next();
        assertThat(ack).containsEntry("type", "ack");
        var ticket = agentOnFirst.client.get().uri("/api/v1/tickets/by-number/{n}", ack.get("ticketNumber"))
                .exchange().expectStatus().isOk().expectBody(TicketApi.JSON).returnResult().getResponseBody();

        agentOnFirst.reply(TicketApi.id(ticket), "能，第一台写的回复到了第二台。");
        assertThat(visitor.next()).containsEntry("type", "message")
                .containsEntry("text", "能，第一台写的回复到了第二台。");
    }

    @Test
    void anAgentSignedInOnOneNodeAndAVisitorOnTheOtherChatAsOnOneNode() throws Exception {
        var shop = first.getBean(TestWorkspaces.class).create("Two Node Farm Supply");
        var browser = new BrowserSession(port(first));
        browser.signIn(shop.admin().email(), TestWorkspaces.PASSWORD);
        var stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
        try {
            var headers = new WebSocketHttpHeaders();
            headers.add("Cookie", BrowserSession.SESSION_COOKIE + "=" + browser.cookie(BrowserSession.SESSION_COOKIE).orElseThrow());
            var events = new LinkedBlockingQueue<Map<String, Object>>();
            // Signed in on the first node, the agent's page opens on the second: no sticky sessions needed.
            var elsewhere = new BrowserSession(port(second));
            elsewhere.setCookie(BrowserSession.SESSION_COOKIE, browser.cookie(BrowserSession.SESSION_COOKIE).orElseThrow());
            assertThat(elsewhere.get("/tickets").statusCode()).isEqualTo(200);
            var agentPage = stomp.connectAsync("ws://localhost:" + port(second) + "/agent/ws", headers,
                    new StompHeaders(), new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
            agentPage.subscribe("/topic/workspace." + shop.workspace().id().value() + ".inbox", new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders frame) {
                    return Map.class;
                }

                @Override
                @SuppressWarnings("unchecked")
                public void handleFrame(StompHeaders frame, Object payload) {
                    events.add((Map<String, Object>) payload);
                }
            });
            var visitor = visitors.connect(port(first), shop.workspace().id().value().toString(),
                    "v-" + UUID.randomUUID());

            visitor.send("c-1", "化肥到了吗？");
            var number = ((Number) visitor.next().get("ticketNumber")).longValue();
            assertThat(nextEvent(events, "message")).containsEntry("number", (int) number);
            visitor.typing();
            assertThat(nextEvent(events, "typing")).containsEntry("number", (int) number);

            first.getBean(AgentManagement.class).setStatus(shop.workspace().id(), shop.admin().id(), AgentStatus.ONLINE);
            assertThat(visitor.notice("state", state -> state.get("agent") != null)).containsKey("agent");
            agentPage.send("/app/agent.typing", Map.of("number", number));
            assertThat(visitor.notice("typing")).containsKey("from");

            browser.get("/tickets/" + number);
            assertThat(visitor.notice("read")).containsKey("upTo");
            var api = TicketApi.forToken(port(first), shop.token());
            api.reply(TicketApi.id(api.byNumber(number)), "到了，明天上午送货上门。");
            assertThat(visitor.next()).containsEntry("type", "message").containsEntry("text", "到了，明天上午送货上门。");
        } finally {
            stomp.stop();
        }
    }

    private static Map<String, Object> nextEvent(LinkedBlockingQueue<Map<String, Object>> events, String what)
            throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            var event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && what.equals(event.get("what"))) {
                return event;
            }
        }
        throw new AssertionError("no '" + what + "' event within 10 s");
    }

    private static ConfigurableApplicationContext node() {
        // Both nodes share one database: PostgreSQL in CI's second pass, else one in-memory H2
        // database that both nodes in this JVM open by name.
        var database = System.getenv().getOrDefault("XIAOER_DB_URL",
                "jdbc:h2:mem:xiaoer-two-nodes;MODE=PostgreSQL;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        return new SpringApplicationBuilder(XiaoerApplication.class, TestWorkspaces.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + database,
                        "--xiaoer.chat.relay.host=" + RequiresRabbitMq.HOST,
                        "--xiaoer.chat.relay.port=" + RequiresRabbitMq.STOMP_PORT);
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }
}
