package dev.xiaoer.channel.chat;

import java.util.Map;
import java.util.Set;
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
 * browser keeps, with the user id and its signature for a shop's signed-in user, and
 * {@link VisitorAdmission} decides. The connection then acts as that {@link ChatVisitor}. A refusal is
 * an ERROR frame, and the connection closes. Afterwards the connection may only use the chat's own
 * destinations.
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
    static final Set<String> SENDABLE = Set.of(SEND_DESTINATION, "/app/chat.typing", "/app/chat.read",
            "/app/chat.feedback", "/app/chat.choose");

    private final VisitorAdmission admission;

    VisitorConnect(VisitorAdmission admission) {
        this.admission = admission;
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
        var attributes = connect.getSessionAttributes() == null ? Map.of() : connect.getSessionAttributes();
        try {
            return admission.admit(connect.getFirstNativeHeader(WORKSPACE_HEADER),
                    connect.getFirstNativeHeader(VISITOR_HEADER), connect.getFirstNativeHeader(USER_HEADER),
                    connect.getFirstNativeHeader(USER_HASH_HEADER), (String) attributes.get(OriginHandshake.ORIGIN_ATTRIBUTE),
                    Boolean.TRUE.equals(attributes.get(OriginHandshake.OWN_ORIGIN_ATTRIBUTE)));
        } catch (VisitorAdmission.Refused refused) {
            throw new MessagingException(refused.code());
        }
    }
}
