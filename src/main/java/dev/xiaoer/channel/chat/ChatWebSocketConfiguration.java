package dev.xiaoer.channel.chat;

import jakarta.annotation.PreDestroy;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over WebSocket at {@code /chat/ws} for the chat widget, and at {@code /agent/ws} for agents'
 * pages, which hear their workspace's {@link InboxEvents}. One node uses its in-memory broker;
 * with {@link ChatRelayProperties a relay} configured, every node relays to the shared RabbitMQ, so a
 * visitor connected to one node hears an answer written on another: a message for a user this node
 * does not know is broadcast to all nodes, and each node announces its users to the others. Frames
 * are small: a chat message is text of at most a few thousand characters.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class ChatWebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    static final int MAX_FRAME_BYTES = 64 * 1024;
    /** Destinations whose subscribers the in-memory broker remembers: room for the connections a node holds. */
    static final int BROKER_DESTINATIONS_CACHED = 65_536;
    static final int INBOUND_THREADS = 32;

    private final VisitorConnect visitorConnect;
    private final ChatRelayProperties relay;
    private final OriginHandshake originHandshake;
    private final AgentConnect agentConnect;
    private final AgentHandshake agentHandshake;
    private final SessionOrderedExecutor inbound = new SessionOrderedExecutor(INBOUND_THREADS);

    ChatWebSocketConfiguration(VisitorConnect visitorConnect, ChatRelayProperties relay,
                               OriginHandshake originHandshake, AgentConnect agentConnect,
                               AgentHandshake agentHandshake) {
        this.visitorConnect = visitorConnect;
        this.relay = relay;
        this.originHandshake = originHandshake;
        this.agentConnect = agentConnect;
        this.agentHandshake = agentHandshake;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // The widget runs on merchants' own sites, so any origin may open the socket: which sites
        // may chat is each workspace's setting, checked when the CONNECT frame names the workspace.
        registry.addEndpoint("/chat/ws").setAllowedOriginPatterns("*").addInterceptors(originHandshake);
        // Agents' pages, signed in with the session cookie; AgentHandshake admits Xiaoer's own origin only
        // (also behind a proxy that changes the scheme, which the default same-origin check would refuse).
        registry.addEndpoint("/agent/ws").setAllowedOriginPatterns("*").addInterceptors(agentHandshake);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        // The outbound channel is a thread pool: without this, a visitor could hear "you are first in
        // the queue" after "Wang Fang is serving you", and keep the stale notice.
        registry.setPreservePublishOrder(true);
        if (relay.enabled()) {
            registry.enableStompBrokerRelay("/queue", "/topic")
                    .setRelayHost(relay.host()).setRelayPort(relay.port())
                    .setClientLogin(relay.login()).setClientPasscode(relay.passcode())
                    .setSystemLogin(relay.login()).setSystemPasscode(relay.passcode())
                    .setVirtualHost(relay.virtualHost())
                    .setUserDestinationBroadcast("/topic/xiaoer-unresolved-user")
                    .setUserRegistryBroadcast("/topic/xiaoer-user-registry");
        } else {
            // No selector expressions on subscriptions (the chat has none to evaluate).
            registry.enableSimpleBroker("/queue", "/topic").setSelectorHeaderName(null);
            // Every visitor's queue is a destination of its own: with more open chats than the cache holds
            // (Spring's default is 1024), each message made the broker scan every subscription on the node.
            registry.setCacheLimit(BROKER_DESTINATIONS_CACHED);
        }
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(visitorConnect, agentConnect);
        // Filing a message waits on the database (its commit above all): Spring's default of two threads
        // per core kept four messages in flight on a 2-core machine. More threads than the connection pool
        // has connections let the next messages be read while others wait on the database
        // (docs/benchmarks.md: a virtual thread per frame did no better). Each session's frames are
        // handled in the order sent: a visitor's two quick messages are filed as they were typed.
        registration.executor(inbound);
    }

    @PreDestroy
    void stop() {
        inbound.shutdown();
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(MAX_FRAME_BYTES);
    }
}
