package dev.xiaoer.nlu;

import jakarta.annotation.PreDestroy;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The application's sentence encoders, one per model, each loaded the first time a text in its
 * language needs it (about a second) and shared from then on. Chinese texts use bge-small-zh, all
 * others bge-small-en.
 */
@Component
public class SentenceEncoders {

    private final Map<SentenceEncoder.Model, SentenceEncoder> loaded = new EnumMap<>(SentenceEncoder.Model.class);

    /** The encoder for texts in {@code language} (an ISO 639-1 code). */
    public SentenceEncoder forLanguage(String language) {
        return get("zh".equals(language) ? SentenceEncoder.Model.BGE_SMALL_ZH : SentenceEncoder.Model.BGE_SMALL_EN);
    }

    public synchronized SentenceEncoder get(SentenceEncoder.Model model) {
        return loaded.computeIfAbsent(model, SentenceEncoder::load);
    }

    @PreDestroy
    synchronized void close() {
        loaded.values().forEach(SentenceEncoder::close);
        loaded.clear();
    }
}
