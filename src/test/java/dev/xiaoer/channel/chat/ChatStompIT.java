package dev.xiaoer.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** The chat widget's side of live chat, spoken by a real STOMP-over-WebSocket client. */
@IntegrationTest
class ChatStompIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    TestWorkspaces.TestWorkspace shop;
    TicketApi agent;
    WebSocketStompClient stomp;

    @BeforeEach
    void shopWithWidget() {
        shop = workspaces.create("Peach Orchard Direct");
        agent = TicketApi.forToken(port, shop.token());
        stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
    }

    @AfterEach
    void stop() {
        stomp.stop();
    }

    @Test
    void aVisitorsMessageOpensAChatTicketAndTheAgentsAnswerReachesThemLive() throws Exception {
        var visitor = connect(shop.workspace().id().value().toString(), "v-" + UUID.randomUUID());

        visitor.send("c-1", "桃子到货时坏了一半，怎么办？");
        var ack = visitor.next();
        assertThat(ack).containsEntry("type", "ack").containsEntry("clientId", "c-1").containsKey("ticketNumber");

        var ticket = agent.client.get().uri("/api/v1/tickets/by-number/{n}", ack.get("ticketNumber")).exchange()
                .expectStatus().isOk().expectBody(TicketApi.JSON).returnResult().getResponseBody();
        assertThat(ticket).containsEntry("channel", "chat").containsEntry("subject", "桃子到货时坏了一半，怎么办？");

        visitor.send("c-2", "订单号 88123");
        assertThat(visitor.next()).containsEntry("type", "ack").containsEntry("ticketNumber", ack.get("ticketNumber"));

        agent.note(TicketApi.id(ticket), "Check the cold-chain record first");
        agent.reply(TicketApi.id(ticket), "很抱歉！请拍一张照片，我们马上补发。");
        var answer = visitor.next();
        assertThat(answer).containsEntry("type", "message").containsEntry("text", "很抱歉！请拍一张照片，我们马上补发。");
        assertThat(visitor.frames.poll(300, TimeUnit.MILLISECONDS)).as("the internal note stays inside").isNull();
    }

    @Test
    void aBlankMessageIsRefusedToItsSenderAndTheConnectionCarriesOn() throws Exception {
        var visitor = connect(shop.workspace().id().value().toString(), "v-" + UUID.randomUUID());

        visitor.send("c-blank", "   ");
        assertThat(visitor.next()).containsEntry("type", "error").containsEntry("clientId", "c-blank")
                .containsEntry("code", "blank");

        visitor.send("c-ok", "Is the fertilizer shipped yet?");
        assertThat(visitor.next()).containsEntry("type", "ack").containsEntry("clientId", "c-ok");
    }

    @Test
    void aConnectionForAnUnknownWorkspaceOrWithoutAVisitorIdIsRefused() {
        assertThatThrownBy(() -> connect(UUID.randomUUID().toString(), "v-" + UUID.randomUUID()))
                .hasStackTraceContaining("unknown-workspace");
        assertThatThrownBy(() -> connect(shop.workspace().id().value().toString(), "x"))
                .hasStackTraceContaining("invalid-visitor");
    }

    private Visitor connect(String workspace, String visitorId) throws Exception {
        var headers = new StompHeaders();
        headers.add(VisitorConnect.WORKSPACE_HEADER, workspace);
        headers.add(VisitorConnect.VISITOR_HEADER, visitorId);
        var refused = new LinkedBlockingQueue<String>();
        StompSession session;
        try {
            session = stomp.connectAsync("ws://127.0.0.1:" + port + "/chat/ws", new WebSocketHttpHeaders(), headers,
                    new StompSessionHandlerAdapter() {
                        @Override
                        public void handleFrame(StompHeaders frame, Object payload) {
                            refused.add(String.valueOf(frame.getFirst("message")));
                        }
                    }).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException closed) {
            throw new IllegalStateException("refused: " + refused.poll(2, TimeUnit.SECONDS), closed);
        }
        var visitor = new Visitor(session);
        session.subscribe(VisitorConnect.OWN_QUEUE, visitor);
        return visitor;
    }

    /** One visitor's connection, with the frames sent to their queue in arrival order. */
    static final class Visitor implements StompFrameHandler {

        final StompSession session;
        final BlockingQueue<Map<String, Object>> frames = new LinkedBlockingQueue<>();

        Visitor(StompSession session) {
            this.session = session;
        }

        void send(String clientId, String text) {
            var headers = new StompHeaders();
            headers.setDestination(VisitorConnect.SEND_DESTINATION);
            headers.add(ChatController.CLIENT_ID_HEADER, clientId);
            session.send(headers, Map.of("clientId", clientId, "text", text));
        }

        Map<String, Object> next() throws InterruptedException {
            var frame = frames.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 10 s").isNotNull();
            return frame;
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return Map.class;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void handleFrame(StompHeaders headers, Object payload) {
            frames.add((Map<String, Object>) payload);
        }
    }
}
