package dev.xiaoer.assistant.internal;

import dev.xiaoer.knowledge.Faq;
import dev.xiaoer.knowledge.FaqEntries;
import dev.xiaoer.nlu.SentenceEncoders;
import dev.xiaoer.workspace.WorkspaceId;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each workspace's FAQ models, one per language the assistant understands (Chinese, English), held
 * in memory on every node. The first message in a language trains its model while it waits; after
 * that, a model checks at most every {@value #CHECK_SECONDS} seconds whether the entries changed on
 * any node, and if so is retrained in the background while the old one keeps answering.
 */
@Component
public class FaqModels {

    static final int CHECK_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(FaqModels.class);

    private record Key(WorkspaceId workspace, String language) {
    }

    private static final class Slot {
        volatile FaqModel model;
        volatile Instant checkedAt = Instant.MIN;
        volatile boolean retraining;
    }

    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("assistant-training").daemon(true).factory());
    private final FaqEntries faqs;
    private final SentenceEncoders encoders;
    private final Clock clock;

    FaqModels(FaqEntries faqs, SentenceEncoders encoders, Clock clock) {
        this.faqs = faqs;
        this.encoders = encoders;
        this.clock = clock;
    }

    /** The languages the assistant has models for. */
    public static boolean understands(String language) {
        return "zh".equals(language) || "en".equals(language);
    }

    /** Which model a FAQ entry's language tag ({@code zh-CN}, {@code en}) belongs to, or null. */
    public static String modelLanguage(String tag) {
        var primary = tag.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return understands(primary) ? primary : null;
    }

    /** The current model of the workspace's entries in {@code language} ({@code zh} or {@code en}). */
    public FaqModel get(WorkspaceId workspace, String language) {
        var slot = slots.computeIfAbsent(new Key(workspace, language), key -> new Slot());
        var now = clock.instant();
        if (slot.model == null) {
            synchronized (slot) {
                if (slot.model == null) {
                    slot.model = train(workspace, language, faqs.revision(workspace));
                    slot.checkedAt = now;
                }
            }
            return slot.model;
        }
        if (slot.checkedAt.isBefore(now.minus(Duration.ofSeconds(CHECK_SECONDS)))) {
            slot.checkedAt = now;
            var revision = faqs.revision(workspace);
            if (!revision.equals(slot.model.revision()) && !slot.retraining) {
                slot.retraining = true;
                background.submit(() -> {
                    try {
                        slot.model = train(workspace, language, revision);
                    } catch (RuntimeException e) {
                        log.warn("Could not retrain the assistant's {} model of workspace {}", language, workspace, e);
                    } finally {
                        slot.retraining = false;
                    }
                });
            }
        }
        return slot.model;
    }

    /** Trains the workspace's models again now, from the entries as they are. */
    public void retrain(WorkspaceId workspace) {
        var revision = faqs.revision(workspace);
        for (var language : List.of("zh", "en")) {
            var slot = slots.computeIfAbsent(new Key(workspace, language), key -> new Slot());
            synchronized (slot) {
                slot.model = train(workspace, language, revision);
                slot.checkedAt = clock.instant();
            }
        }
    }

    /** Retrains the workspace's models on the training thread; the current ones keep answering meanwhile. */
    public void retrainInBackground(WorkspaceId workspace) {
        background.execute(() -> {
            try {
                retrain(workspace);
            } catch (RuntimeException e) {
                log.warn("Could not retrain the assistant's models of workspace {}", workspace, e);
            }
        });
    }

    private FaqModel train(WorkspaceId workspace, String language, String revision) {
        List<Faq> entries = faqs.list(workspace).stream()
                .filter(faq -> language.equals(modelLanguage(faq.language())))
                .toList();
        return FaqModel.train(entries, encoders.forLanguage(language), revision);
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
