package dev.xiaoer.channel.chat;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * Notes which site's page opens a chat connection (the browser's {@code Origin} header), so that
 * {@link VisitorConnect} can hold it against the workspace's allowed origins once the CONNECT frame
 * names the workspace. Pages on Xiaoer's own address (the demo shop) are marked as such.
 */
@Component
class OriginHandshake implements HandshakeInterceptor {

    static final String ORIGIN_ATTRIBUTE = "xiaoer.chat.origin";
    static final String OWN_ORIGIN_ATTRIBUTE = "xiaoer.chat.own-origin";

    private final XiaoerAddress address;

    OriginHandshake(XiaoerAddress address) {
        this.address = address;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        var origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
        if (origin != null) {
            var normalised = AllowedOrigins.normalise(origin).orElse(origin);
            attributes.put(ORIGIN_ATTRIBUTE, normalised);
            attributes.put(OWN_ORIGIN_ATTRIBUTE, WebUtils.isSameOrigin(request) || address.isOwnOrigin(normalised));
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception failure) {
    }
}
