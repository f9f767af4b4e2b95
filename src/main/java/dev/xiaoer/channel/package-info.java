/**
 * Channels: the ways customers reach the service team (REST intake now; chat, e-mail, WeChat,
 * phone records and station walk-ins later). Every channel normalises what arrives into an
 * {@link dev.xiaoer.channel.InboundMessage} and hands it to {@link dev.xiaoer.channel.InboundMessages},
 * which files it on the right ticket.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channel",
        allowedDependencies = {"workspace", "identity", "customer", "agent", "ticket", "knowledge", "assistant",
                "platform"})
package dev.xiaoer.channel;
