package dev.xiaoer.channel.chat;

import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Admits a widget's STOMP connection: its CONNECT frame names the workspace and the visitor id the
 * browser keeps, and both must be valid; the page must be on one of the workspace's allowed origins
 * (if it lists any) or on Xiaoer's own; and a user id, if given, must come with the merchant's
 * signature of it. The connection then acts as that {@link ChatVisitor}. Anything else is refused
 * with an ERROR frame, and the connection closes.
 */
@Component
class VisitorConnect implements ChannelInterceptor {

    static final String WORKSPACE_HEADER = "workspace";
    static final String VISITOR_HEADER = "visitor";
    static final String USER_HEADER = "user";
    static final String USER_HASH_HEADER = "user-hash";
    static final String OWN_QUEUE = "/user/queue/chat";
    static final String HISTORY_DESTINATION = "/app/chat.history";
    static final String SEND_DESTINATION = "/app/chat.send";
    static final String STATE_DESTINATION = "/app/chat.state";
    static final Set<String> SUBSCRIBABLE = Set.of(OWN_QUEUE, HISTORY_DESTINATION, STATE_DESTINATION);
    static final Set<String> SENDABLE = Set.of(SEND_DESTINATION, "/app/chat.typing", "/app/chat.read");

    private final WorkspaceManagement workspaces;
    private final ChatSettingsRows settings;

    VisitorConnect(WorkspaceManagement workspaces, ChatSettingsRows settings) {
        this.workspaces = workspaces;
        this.settings = settings;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        var accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || AgentHandshake.workspaceOf(accessor.getSessionAttributes()) != null) {
            // An agent's connection, which AgentConnect rules.
            return message;
        }
        var command = accessor.getCommand();
        if (StompCommand.CONNECT.equals(command)) {
            accessor.setUser(visitor(accessor));
        } else if (StompCommand.SUBSCRIBE.equals(command) && !SUBSCRIBABLE.contains(accessor.getDestination())
                || StompCommand.SEND.equals(command) && !SENDABLE.contains(accessor.getDestination())) {
            // A visitor hears only their own queue, conversation and state, and sends only their chat's own frames.
            throw new MessagingException("destination-not-allowed");
        }
        return message;
    }

    private ChatVisitor visitor(StompHeaderAccessor connect) {
        var visitorId = connect.getFirstNativeHeader(VISITOR_HEADER);
        if (!ChatVisitor.isValidId(visitorId)) {
            throw new MessagingException("invalid-visitor");
        }
        var workspace = parse(connect.getFirstNativeHeader(WORKSPACE_HEADER));
        if (workspace == null || workspaces.find(workspace).isEmpty()) {
            throw new MessagingException("unknown-workspace");
        }
        var chat = settings.find(workspace);
        var attributes = connect.getSessionAttributes() == null ? Map.of() : connect.getSessionAttributes();
        if (!Boolean.TRUE.equals(attributes.get(OriginHandshake.OWN_ORIGIN_ATTRIBUTE))
                && !chat.allowsOrigin((String) attributes.get(OriginHandshake.ORIGIN_ATTRIBUTE))) {
            throw new MessagingException("origin-not-allowed");
        }
        var userId = connect.getFirstNativeHeader(USER_HEADER);
        if (userId != null && !(VisitorIdentity.isValidUserId(userId) && VisitorIdentity.verifies(
                chat.signingSecret(), userId, connect.getFirstNativeHeader(USER_HASH_HEADER)))) {
            throw new MessagingException("invalid-identity");
        }
        return new ChatVisitor(workspace, visitorId, userId);
    }

    private static WorkspaceId parse(String value) {
        try {
            return value == null ? null : new WorkspaceId(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
