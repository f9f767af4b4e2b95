package dev.xiaoer.channel.chat;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Xiaoer's public address ({@code xiaoer.base-url}, the same setting customers' links use): where
 * merchants' pages load the widget from, and an origin whose pages may always open the chat.
 */
@Component
class XiaoerAddress {

    private final String base;
    private final String origin;

    XiaoerAddress(@Value("${xiaoer.base-url:http://localhost:8080}") URI baseUrl) {
        this.base = baseUrl.toString().replaceAll("/+$", "");
        this.origin = AllowedOrigins.normalise(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority()).orElse(null);
    }

    /** The public address without a trailing slash, such as {@code https://help.example.com}. */
    String base() {
        return base;
    }

    String widgetScript() {
        return base + "/chat/widget.js";
    }

    boolean isOwnOrigin(String origin) {
        return origin != null && origin.equals(this.origin);
    }
}
