package dev.xiaoer.channel.chat;

import dev.xiaoer.identity.ActorPrincipal;
import dev.xiaoer.identity.Role;
import dev.xiaoer.workspace.WorkspaceId;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * Opens the agents' live connection ({@code /agent/ws}) for a signed-in member of the service team,
 * from a page on Xiaoer's own address only: the session cookie is the credential, so another site's
 * page must not be able to open it in the agent's name. The connection is marked as an agent's, with
 * the workspace the agent works in, for {@link AgentConnect} and {@link VisitorConnect}.
 */
@Component
class AgentHandshake implements HandshakeInterceptor {

    static final String WORKSPACE_ATTRIBUTE = "xiaoer.agent.workspace";
    static final String NAME_ATTRIBUTE = "xiaoer.agent.name";
    static final String USER_ATTRIBUTE = "xiaoer.agent.user";

    private final XiaoerAddress address;

    AgentHandshake(XiaoerAddress address) {
        this.address = address;
    }

    /** The workspace of an agent's connection, or {@code null} for a visitor's. */
    static WorkspaceId workspaceOf(Map<String, Object> sessionAttributes) {
        return sessionAttributes == null ? null : (WorkspaceId) sessionAttributes.get(WORKSPACE_ATTRIBUTE);
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        var origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
        if (origin != null && !WebUtils.isSameOrigin(request)
                && !address.isOwnOrigin(AllowedOrigins.normalise(origin).orElse(origin))) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        var actor = request.getPrincipal() instanceof Authentication authentication
                ? ActorPrincipal.from(authentication).orElse(null) : null;
        if (actor == null || !actor.isUser() || actor.role() == Role.STATION_STAFF) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        attributes.put(WORKSPACE_ATTRIBUTE, actor.workspace());
        attributes.put(NAME_ATTRIBUTE, actor.name());
        attributes.put(USER_ATTRIBUTE, actor.userId());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception failure) {
    }
}
