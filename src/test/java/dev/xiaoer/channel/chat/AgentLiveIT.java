package dev.xiaoer.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.identity.Role;
import dev.xiaoer.support.BrowserSession;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import java.lang.reflect.Type;
import java.util.List;
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
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** Agents' pages hear their workspace's new chats and messages live, over the agents' own STOMP endpoint. */
@IntegrationTest
class AgentLiveIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    TestWorkspaces.TestWorkspace shop;
    WebSocketStompClient stomp;

    @BeforeEach
    void shopWithAnAgent() {
        shop = workspaces.create("Peach Orchard Direct");
        stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
    }

    @AfterEach
    void stop() {
        stomp.stop();
    }

    @Test
    void aSignedInAgentHearsANewChatAndItsMessagesButNotWhatTheyAndNotesSay() throws Exception {
        var agent = signedInAgent(shop.admin().email());
        var inbox = agent.subscribe(inboxOf(shop));

        var visitor = visitor(shop);
        var answers = visitor.subscribe(VisitorConnect.OWN_QUEUE);
        visitor.send("c-1", "桃子到货时坏了一半，怎么办？");
        var number = answers.next().get("ticketNumber");

        // Two events of one commit, which the broker may hand over in either order.
        var events = List.of(inbox.next(), inbox.next());
        assertThat(events).extracting(event -> event.get("what")).containsExactlyInAnyOrder("created", "message");
        assertThat(events).allSatisfy(event -> assertThat(event).containsEntry("number", number));
        var ticket = events.getFirst().get("ticket");
        assertThat(events.getLast()).containsEntry("ticket", ticket);

        var api = TicketApi.forToken(port, shop.token());
        api.note(ticket, "Check the cold-chain record first");
        var note = inbox.next();
        assertThat(note).containsEntry("what", "note").containsEntry("number", number);
        assertThat(note.values()).as("what the note says stays out").doesNotContain("Check the cold-chain record first");
        assertThat(note).containsOnlyKeys("ticket", "number", "version", "what", "channel", "assignee");
    }

    @Test
    void anAgentOfAnotherWorkspaceIsRefusedThisWorkspacesInboxAndHearsNothingOfIt() throws Exception {
        var other = workspaces.create("Green Valley");
        var outsider = signedInAgent(other.admin().email());

        var refused = outsider.subscribe(inboxOf(shop));
        assertThat(outsider.error()).contains("destination-not-allowed");
        var insider = signedInAgent(shop.admin().email()).subscribe(inboxOf(shop));
        visitor(shop).send("c-1", "Is the fertilizer shipped yet?");
        // The chat's first message creates the ticket: "created" and "message" come in either order.
        assertThat(insider.next()).containsEntry("number", 1001)
                .hasEntrySatisfying("what", what -> assertThat(what).isIn("created", "message"));
        assertThat(refused.frames.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aVisitorCannotListenToTheAgentsInbox() throws Exception {
        var visitor = visitor(shop);
        visitor.subscribe(inboxOf(shop));

        assertThat(visitor.error()).contains("destination-not-allowed");
    }

    @Test
    void withoutASignedInSessionOrAsStationStaffTheAgentsEndpointDoesNotOpen() {
        assertThatThrownBy(() -> connect(new WebSocketHttpHeaders()))
                .isInstanceOf(ExecutionException.class);
        var staff = workspaces.user(shop.workspace(), Role.STATION_STAFF);
        assertThatThrownBy(() -> signedInAgent(staff.email())).isInstanceOf(ExecutionException.class);
    }

    private static String inboxOf(TestWorkspaces.TestWorkspace workspace) {
        return "/topic/workspace." + workspace.workspace().id().value() + ".inbox";
    }

    private Connection signedInAgent(String email) throws Exception {
        var browser = new BrowserSession(port);
        browser.signIn(email, TestWorkspaces.PASSWORD);
        var headers = new WebSocketHttpHeaders();
        headers.add("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID").orElseThrow());
        return connect(headers);
    }

    private Connection connect(WebSocketHttpHeaders headers) throws Exception {
        var connection = new Connection();
        connection.session = stomp.connectAsync("ws://localhost:" + port + "/agent/ws", headers, new StompHeaders(),
                connection).get(10, TimeUnit.SECONDS);
        return connection;
    }

    private Connection visitor(TestWorkspaces.TestWorkspace workspace) throws Exception {
        var headers = new StompHeaders();
        headers.add(VisitorConnect.WORKSPACE_HEADER, workspace.workspace().id().value().toString());
        headers.add(VisitorConnect.VISITOR_HEADER, "v-" + UUID.randomUUID());
        var visitor = new Connection();
        visitor.session = stomp.connectAsync("ws://127.0.0.1:" + port + "/chat/ws", new WebSocketHttpHeaders(),
                headers, visitor).get(10, TimeUnit.SECONDS);
        return visitor;
    }

    /** One STOMP connection and the ERROR frames it is sent. */
    static final class Connection extends StompSessionHandlerAdapter {

        StompSession session;
        final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

        Subscription subscribe(String destination) {
            var subscription = new Subscription();
            session.subscribe(destination, subscription);
            return subscription;
        }

        void send(String clientId, String text) {
            var headers = new StompHeaders();
            headers.setDestination(VisitorConnect.SEND_DESTINATION);
            headers.add(ChatController.CLIENT_ID_HEADER, clientId);
            session.send(headers, Map.of("clientId", clientId, "text", text));
        }

        /** What the server said on refusing, with the closed connection that follows (in either order). */
        String error() throws InterruptedException {
            var error = errors.poll(10, TimeUnit.SECONDS);
            assertThat(error).as("an ERROR frame within 10 s").isNotNull();
            var all = new StringBuilder(error);
            for (var more = errors.poll(1, TimeUnit.SECONDS); more != null; more = errors.poll(1, TimeUnit.SECONDS)) {
                all.append(" | ").append(more);
            }
            return all.toString();
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            errors.add(String.valueOf(headers.getFirst("message")));
        }

        @Override
        public void handleException(StompSession session, StompCommand command, StompHeaders headers, byte[] payload,
                                    Throwable exception) {
            errors.add(command + " " + headers.getFirst("message") + " " + exception);
        }

        @Override
        public void handleTransportError(StompSession session, Throwable exception) {
            errors.add("transport " + exception);
        }
    }

    /** The frames one subscription hears, in arrival order. */
    static final class Subscription implements StompFrameHandler {

        final BlockingQueue<Map<String, Object>> frames = new LinkedBlockingQueue<>();

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
