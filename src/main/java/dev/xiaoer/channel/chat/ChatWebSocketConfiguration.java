package dev.xiaoer.channel.chat;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
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

    private final VisitorConnect visitorConnect;
    private final ChatRelayProperties relay;
    private final OriginHandshake originHandshake;
    private final AgentConnect agentConnect;
    private final AgentHandshake agentHandshake;

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
        if (relay.enabled()) {
            registry.enableStompBrokerRelay("/queue", "/topic")
                    .setRelayHost(relay.host()).setRelayPort(relay.port())
                    .setClientLogin(relay.login()).setClientPasscode(relay.passcode())
                    .setSystemLogin(relay.login()).setSystemPasscode(relay.passcode())
                    .setVirtualHost(relay.virtualHost())
                    .setUserDestinationBroadcast("/topic/xiaoer-unresolved-user")
                    .setUserRegistryBroadcast("/topic/xiaoer-user-registry");
        } else {
            registry.enableSimpleBroker("/queue", "/topic");
        }
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(visitorConnect, agentConnect);
        // Filing a message waits on the database (its commit above all). Spring's default of two threads
        // per core kept four messages in flight on this 2-core machine and capped chat at a few hundred
        // messages a second; with a virtual thread per frame the connection pool bounds the work in
        // flight, and the database commits many messages together.
        registration.executor(new VirtualThreadTaskExecutor("chat-inbound-"));
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(MAX_FRAME_BYTES);
    }
}
