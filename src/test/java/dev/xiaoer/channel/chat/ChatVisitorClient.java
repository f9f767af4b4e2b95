package dev.xiaoer.channel.chat;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** Connects chat visitors the way the widget does: a real STOMP-over-WebSocket client of Xiaoer's chat endpoint. */
final class ChatVisitorClient implements AutoCloseable {

    private final WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());

    ChatVisitorClient() {
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
    }

    ChatStompIT.Visitor connect(int port, String workspace, String visitorId) throws Exception {
        return connect(port, workspace, visitorId, null, Map.of());
    }

    /**
     * Opens a visitor's connection (from a page on {@code origin}, if given, with {@code extra} CONNECT
     * headers) subscribed to their queue; a refused connection throws with the server's reason.
     */
    ChatStompIT.Visitor connect(int port, String workspace, String visitorId, String origin,
                                Map<String, String> extra) throws Exception {
        var handshake = new WebSocketHttpHeaders();
        if (origin != null) {
            handshake.setOrigin(origin);
        }
        var headers = new StompHeaders();
        headers.add(VisitorConnect.WORKSPACE_HEADER, workspace);
        headers.add(VisitorConnect.VISITOR_HEADER, visitorId);
        extra.forEach(headers::add);
        var refused = new LinkedBlockingQueue<String>();
        StompSession session;
        try {
            session = stomp.connectAsync("ws://127.0.0.1:" + port + "/chat/ws", handshake, headers,
                    new StompSessionHandlerAdapter() {
                        @Override
                        public void handleFrame(StompHeaders frame, Object payload) {
                            refused.add(String.valueOf(frame.getFirst("message")));
                        }
                    }).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException closed) {
            throw new IllegalStateException("refused: " + refused.poll(2, TimeUnit.SECONDS), closed);
        }
        var visitor = new ChatStompIT.Visitor(session);
        session.subscribe(VisitorConnect.OWN_QUEUE, visitor);
        return visitor;
    }

    @Override
    public void close() {
        stomp.stop();
    }
}
