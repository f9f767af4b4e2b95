package dev.xiaoer.channel.chat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The chat widget's texts in the visitor's language (Chinese or English), from the message bundles. */
@RestController
class ChatTexts {

    private static final List<String> KEYS = List.of("title", "open", "close", "welcome", "placeholder", "send",
            "sending", "delivered", "failed", "too-fast", "connecting", "reconnecting", "team", "queue", "answering", "offline",
            "typing", "read", "photo", "photo-type", "photo-too-large", "contact", "closed",
            "contact-invalid", "assistant-greeting", "assistant-helpful", "assistant-unhelpful", "assistant-thanks");

    private final MessageSource messages;

    ChatTexts(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/chat/texts")
    ResponseEntity<Map<String, String>> texts(@RequestParam(defaultValue = "en") String lang) {
        var locale = lang.toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        var texts = new LinkedHashMap<String, String>();
        KEYS.forEach(key -> texts.put(key, messages.getMessage("chat.widget." + key, null, locale)));
        // Sites embed the widget from anywhere: the texts are public and the same for everyone.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .header("Access-Control-Allow-Origin", "*").body(texts);
    }
}
