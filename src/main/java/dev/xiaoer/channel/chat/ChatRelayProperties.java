package dev.xiaoer.channel.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The STOMP broker that several nodes share for live chat ({@code xiaoer.chat.relay.*}, or
 * {@code XIAOER_RELAY_*} in the environment): RabbitMQ with its STOMP plugin. Without a host, one
 * node keeps its chat connections in its own in-memory broker.
 *
 * @param host        the broker's host; empty for one node
 * @param port        its STOMP port
 * @param login       user for the relay's connections
 * @param passcode    that user's password
 * @param virtualHost RabbitMQ virtual host
 */
@ConfigurationProperties("xiaoer.chat.relay")
record ChatRelayProperties(String host, @DefaultValue("61613") int port, @DefaultValue("guest") String login,
                           @DefaultValue("guest") String passcode, @DefaultValue("/") String virtualHost) {

    boolean enabled() {
        return host != null && !host.isBlank();
    }
}
