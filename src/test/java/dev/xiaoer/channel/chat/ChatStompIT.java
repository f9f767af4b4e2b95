package dev.xiaoer.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;

/** The chat widget's side of live chat, spoken by a real STOMP-over-WebSocket client. */
@IntegrationTest
class ChatStompIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ChatSettingsRows settings;

    TestWorkspaces.TestWorkspace shop;
    TicketApi agent;
    ChatVisitorClient visitors;

    @BeforeEach
    void shopWithWidget() {
        shop = workspaces.create("Peach Orchard Direct");
        agent = TicketApi.forToken(port, shop.token());
        visitors = new ChatVisitorClient();
    }

    @AfterEach
    void stop() {
        visitors.close();
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
    void aMessageSentAgainAfterADroppedConnectionIsStoredOnceAndAcknowledgedAlike() throws Exception {
        var visitorId = "v-" + UUID.randomUUID();
        var before = connect(workspaceId(), visitorId);
        before.send("c-lost-ack", "化肥结块了还能用吗？");
        var ack = before.next();
        assertThat(ack).containsEntry("type", "ack").containsEntry("clientId", "c-lost-ack");
        before.session.disconnect();

        var after = connect(workspaceId(), visitorId);
        after.send("c-lost-ack", "化肥结块了还能用吗？");
        assertThat(after.next()).containsEntry("type", "ack").containsEntry("clientId", "c-lost-ack")
                .containsEntry("ticketNumber", ack.get("ticketNumber"));
        after.send("c-lost-ack", "化肥结块了还能用吗？");
        assertThat(after.next()).containsEntry("type", "ack").containsEntry("ticketNumber", ack.get("ticketNumber"));

        assertThat(visitorMessages(ack.get("ticketNumber"))).containsExactly("化肥结块了还能用吗？");
    }

    @Test
    void oneMessageSentOnTwoConnectionsAtOnceIsStoredOnce() throws Exception {
        var visitorId = "v-" + UUID.randomUUID();
        var stale = connect(workspaceId(), visitorId);
        var fresh = connect(workspaceId(), visitorId);
        // As the widget does: hear the queue, then catch up, before sending.
        stale.history();
        fresh.history();
        var clientIds = List.of("c-twice-1", "c-twice-2", "c-twice-3", "c-twice-4");
        var start = new CountDownLatch(1);
        var senders = Executors.newFixedThreadPool(2);
        try {
            for (var connection : List.of(stale, fresh)) {
                senders.submit(() -> {
                    start.await();
                    clientIds.forEach(clientId -> connection.send(clientId, "Message " + clientId));
                    return null;
                });
            }
            start.countDown();

            // Whichever send files a message acknowledges it on both of the visitor's connections.
            var number = stale.acknowledged(clientIds);
            assertThat(fresh.acknowledged(clientIds)).isEqualTo(number);
            assertThat(visitorMessages(number)).containsExactlyInAnyOrderElementsOf(
                    clientIds.stream().map(clientId -> "Message " + clientId).toList());
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void aVisitorWhoConnectsAgainSeesTheConversationSoFarWithoutInternalNotes() throws Exception {
        var visitorId = "v-" + UUID.randomUUID();
        var first = connect(workspaceId(), visitorId);
        assertThat(first.history()).isEmpty();
        first.send("c-1", "桃子坏了一半");
        var number = first.next().get("ticketNumber");
        first.send("c-2", "订单号 88123");
        first.next();
        var ticket = TicketApi.id(agent.client.get().uri("/api/v1/tickets/by-number/{n}", number).exchange()
                .expectStatus().isOk().expectBody(TicketApi.JSON).returnResult().getResponseBody());
        agent.note(ticket, "Cold-chain record shows 12 °C");
        agent.reply(ticket, "很抱歉，马上为您补发。");
        first.next();
        first.session.disconnect();

        var again = connect(workspaceId(), visitorId);
        assertThat(again.history())
                .extracting(entry -> entry.get("from"), entry -> entry.get("text"))
                .containsExactly(tuple("visitor", "桃子坏了一半"), tuple("visitor", "订单号 88123"),
                        tuple("team", "很抱歉，马上为您补发。"));
        assertThat(connect(workspaceId(), "v-" + UUID.randomUUID()).history()).as("another visitor's").isEmpty();
    }

    @Test
    void aVisitorsQuickMessagesAreAcknowledgedAndFiledInTheOrderSent() throws Exception {
        var visitor = connect(workspaceId(), "v-" + UUID.randomUUID());
        visitor.send("c-first", "The box arrived wet");
        var number = visitor.next().get("ticketNumber");
        var quick = List.of("the bags", "inside", "are", "torn", "and", "half", "the", "seeds");
        for (var i = 0; i < quick.size(); i++) {
            visitor.send("c-quick-" + i, quick.get(i));
        }

        var acknowledged = new ArrayList<Object>();
        for (var i = 0; i < quick.size(); i++) {
            acknowledged.add(visitor.next().get("clientId"));
        }
        assertThat(acknowledged).containsExactlyElementsOf(
                IntStream.range(0, quick.size()).mapToObj(i -> "c-quick-" + i).toList());
        var filed = new ArrayList<Object>(List.of("The box arrived wet"));
        filed.addAll(quick);
        assertThat(visitorMessages(number)).containsExactlyElementsOf(filed);
    }

    @Test
    void aVisitorSendingMoreThanTenMessagesInTenSecondsIsSlowedDownAndOthersAreNot() throws Exception {
        var flooding = connect(workspaceId(), "v-" + UUID.randomUUID());
        var sent = 16;
        for (var i = 1; i <= sent; i++) {
            flooding.send("c-flood-" + i, "Flood " + i);
        }
        var answers = new ArrayList<Map<String, Object>>();
        for (var i = 0; i < sent; i++) {
            answers.add(flooding.next());
        }
        var acks = answers.stream().filter(answer -> "ack".equals(answer.get("type"))).toList();
        var refused = answers.stream().filter(answer -> "error".equals(answer.get("type"))).toList();
        assertThat(acks).as("the default allowance is 10 messages").hasSizeGreaterThanOrEqualTo(10);
        assertThat(refused).isNotEmpty().allSatisfy(error -> assertThat(error).containsEntry("code", "rate-limited"));
        assertThat(visitorMessages(acks.getFirst().get("ticketNumber"))).as("only acknowledged messages are stored")
                .hasSize(acks.size());

        var other = connect(workspaceId(), "v-" + UUID.randomUUID());
        other.send("c-1", "Do you deliver to Hebei?");
        assertThat(other.next()).containsEntry("type", "ack");
    }

    @Test
    void aClientIdThatIsNotAShortTokenIsRefused() throws Exception {
        var visitor = connect(workspaceId(), "v-" + UUID.randomUUID());

        visitor.send("c 1", "Hello");
        assertThat(visitor.next()).containsEntry("type", "error").containsEntry("code", "invalid-client-id");
        visitor.send("c".repeat(65), "Hello");
        assertThat(visitor.next()).containsEntry("type", "error").containsEntry("code", "invalid-client-id");
    }

    @Test
    void aConnectionForAnUnknownWorkspaceOrWithoutAVisitorIdIsRefused() {
        assertThatThrownBy(() -> connect(UUID.randomUUID().toString(), "v-" + UUID.randomUUID()))
                .hasStackTraceContaining("unknown-workspace");
        assertThatThrownBy(() -> connect(shop.workspace().id().value().toString(), "x"))
                .hasStackTraceContaining("invalid-visitor");
    }

    @Test
    void outsideTheChatHoursTheVisitorHearsTheTeamIsClosedAndWhenItIsBack() throws Exception {
        var today = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).getDayOfWeek();
        var otherDay = today.plus(1).getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        settings.saveHours(shop.workspace().id(), ChatHours.parse(otherDay + " 09:00-18:00").hours());

        var visitor = connect(shop.workspace().id().value().toString(), "v-" + UUID.randomUUID());

        assertThat(visitor.state()).containsEntry("online", false)
                .containsEntry("closedHours", otherDay + " 09:00-18:00 (Asia/Shanghai)");
        settings.saveHours(shop.workspace().id(), ChatHours.ALWAYS);
        assertThat(connect(shop.workspace().id().value().toString(), "v-" + UUID.randomUUID()).state())
                .containsEntry("closedHours", null);
    }

    private String workspaceId() {
        return shop.workspace().id().value().toString();
    }

    /** The visitor's messages on the ticket as the service team sees them. */
    private List<Object> visitorMessages(Object ticketNumber) {
        var ticket = agent.client.get().uri("/api/v1/tickets/by-number/{n}", ticketNumber).exchange()
                .expectStatus().isOk().expectBody(TicketApi.JSON).returnResult().getResponseBody();
        return agent.timeline(TicketApi.id(ticket)).stream()
                .filter(entry -> "message".equals(entry.get("kind")))
                .filter(entry -> "customer".equals(TicketApi.map(entry.get("author")).get("type")))
                .map(entry -> entry.get("body"))
                .toList();
    }

    private Visitor connect(String workspace, String visitorId) throws Exception {
        return visitors.connect(port, workspace, visitorId);
    }

    /** One visitor's connection, with the frames sent to their queue in arrival order. */
    static final class Visitor implements StompFrameHandler {

        /** Frames that tell how the chat stands rather than carry a message: {@link #notice} waits for them. */
        static final Set<String> NOTICES = Set.of("state", "typing", "read");

        final StompSession session;
        final BlockingQueue<Map<String, Object>> frames = new LinkedBlockingQueue<>();
        final BlockingQueue<Map<String, Object>> notices = new LinkedBlockingQueue<>();

        Visitor(StompSession session) {
            this.session = session;
        }

        void send(String clientId, String text) {
            var headers = new StompHeaders();
            headers.setDestination(VisitorConnect.SEND_DESTINATION);
            headers.add(ChatController.CLIENT_ID_HEADER, clientId);
            session.send(headers, Map.of("clientId", clientId, "text", text));
        }

        /** Where the chat stands, as the widget asks on connecting. */
        @SuppressWarnings("unchecked")
        Map<String, Object> state() throws InterruptedException {
            var reply = new LinkedBlockingQueue<Map<String, Object>>();
            session.subscribe(VisitorConnect.STATE_DESTINATION, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return Map.class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    reply.add((Map<String, Object>) payload);
                }
            });
            var state = reply.poll(10, TimeUnit.SECONDS);
            assertThat(state).as("the chat's state within 10 s").isNotNull();
            return state;
        }

        /** As the widget says while the visitor types. */
        void typing() {
            session.send("/app/chat.typing", "");
        }

        /** As the widget says when the team's answers up to {@code upTo} are on screen. */
        void read(String upTo) {
            var headers = new StompHeaders();
            headers.setDestination("/app/chat.read");
            session.send(headers, Map.of("upTo", upTo));
        }

        /** The conversation so far, as the widget asks for it on connecting. */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history() throws InterruptedException {
            var reply = new LinkedBlockingQueue<List<Map<String, Object>>>();
            session.subscribe(VisitorConnect.HISTORY_DESTINATION, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return List.class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    reply.add((List<Map<String, Object>>) payload);
                }
            });
            var history = reply.poll(10, TimeUnit.SECONDS);
            assertThat(history).as("the conversation within 10 s").isNotNull();
            return history;
        }

        /** Waits for acknowledgements of all these messages, which must name one ticket, and returns its number. */
        Object acknowledged(List<String> clientIds) throws InterruptedException {
            var numbers = new HashMap<Object, Object>();
            while (!numbers.keySet().containsAll(clientIds)) {
                var frame = frames.poll(10, TimeUnit.SECONDS);
                assertThat(frame).as("the next acknowledgement after %s", numbers).isNotNull()
                        .containsEntry("type", "ack");
                numbers.put(frame.get("clientId"), frame.get("ticketNumber"));
            }
            assertThat(Set.copyOf(numbers.values())).hasSize(1);
            return numbers.values().iterator().next();
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

        /** The next notice of this type ({@code state}, {@code typing} or {@code read}), skipping others. */
        Map<String, Object> notice(String type) throws InterruptedException {
            return notice(type, notice -> true);
        }

        /** The first notice of this type that {@code wanted} matches, skipping others (earlier states, say). */
        Map<String, Object> notice(String type, Predicate<Map<String, Object>> wanted) throws InterruptedException {
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            var seen = new ArrayList<Map<String, Object>>();
            while (System.nanoTime() < deadline) {
                var notice = notices.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (notice != null && type.equals(notice.get("type")) && wanted.test(notice)) {
                    return notice;
                }
                if (notice != null) {
                    seen.add(notice);
                }
            }
            throw new AssertionError("no matching " + type + " notice within 10 s; heard " + seen);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void handleFrame(StompHeaders headers, Object payload) {
            var frame = (Map<String, Object>) payload;
            (NOTICES.contains(frame.get("type")) ? notices : frames).add(frame);
        }
    }
}
