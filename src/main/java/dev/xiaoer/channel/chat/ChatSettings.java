package dev.xiaoer.channel.chat;

import java.util.List;

/**
 * A workspace's live chat settings.
 *
 * @param allowedOrigins the sites ({@code https://shop.example.com}) whose pages may open the chat;
 *                       empty means any site may
 * @param signingSecret  the key the merchant's backend signs user ids with ({@link VisitorIdentity});
 *                       {@code null} until an admin first opens the chat settings
 * @param hours          when the chat is staffed
 * @param assistantFirst whether the assistant answers a new chat before a person does
 */
record ChatSettings(List<String> allowedOrigins, String signingSecret, ChatHours hours, boolean assistantFirst) {

    static final ChatSettings NONE = new ChatSettings(List.of(), null, ChatHours.ALWAYS, false);

    ChatSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Whether a page of this origin may open the chat; {@code null} is a client that named no origin. */
    boolean allowsOrigin(String origin) {
        return allowedOrigins.isEmpty() || origin != null && allowedOrigins.contains(origin);
    }
}
