package dev.xiaoer.channel.chat;

import dev.xiaoer.workspace.WorkspaceId;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * What an agent's live connection may do: hear its own workspace's inbox topic, and say that the
 * agent is typing a reply; nothing else. Agents act through the pages. Visitors' connections are {@link VisitorConnect}'s.
 */
@Component
class AgentConnect implements ChannelInterceptor {

    static final String TYPING_DESTINATION = "/app/agent.typing";

    /** Where {@link InboxEvents} are published for one workspace. */
    static String inboxTopic(WorkspaceId workspace) {
        return "/topic/workspace." + workspace.value() + ".inbox";
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        var accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null) {
            return message;
        }
        var workspace = AgentHandshake.workspaceOf(accessor.getSessionAttributes());
        if (workspace == null) {
            return message;
        }
        var command = accessor.getCommand();
        if (StompCommand.SUBSCRIBE.equals(command) && !inboxTopic(workspace).equals(accessor.getDestination())
                || StompCommand.SEND.equals(command) && !TYPING_DESTINATION.equals(accessor.getDestination())) {
            throw new MessagingException("destination-not-allowed");
        }
        return message;
    }
}
