package dev.xiaoer.knowledge.infra;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's {@link ArticleIndex} true to the database. At start it indexes every published
 * article and every FAQ entry; then, every few seconds, it applies the articles changed since (by {@code updated_at},
 * looking back a while so that a change committed late or written by a node whose clock is a little
 * behind is not missed). Changes made on this node are applied at once when they commit; this
 * catch-up is what brings other nodes' changes in.
 */
@Component
class ArticleIndexing {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexing.class);
    private static final Duration LOOK_BACK = Duration.ofSeconds(30);
    private static final int PAGE = 500;

    private final ArticleRows rows;
    private final FaqRows faqs;
    private final ArticleIndex index;
    private volatile Instant caughtUpTo = Instant.EPOCH;
    private volatile Instant faqsCaughtUpTo = Instant.EPOCH;

    ArticleIndexing(ArticleRows rows, FaqRows faqs, ArticleIndex index) {
        this.rows = rows;
        this.faqs = faqs;
        this.index = index;
    }

    @EventListener(ApplicationStartedEvent.class)
    void build() {
        var started = System.nanoTime();
        caughtUpTo = rows.latestChange().orElse(Instant.EPOCH);
        faqsCaughtUpTo = faqs.latestChange().orElse(Instant.EPOCH);
        rows.eachPublished(index::apply);
        faqs.eachLive(faq -> index.apply(faq, false));
        index.refresh();
        log.info("Knowledge index: {} published articles and FAQ phrasings in {} ms", index.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Scheduled(fixedDelayString = "${xiaoer.knowledge.index-catch-up:10s}",
            initialDelayString = "${xiaoer.knowledge.index-catch-up:10s}")
    void catchUp() {
        var since = caughtUpTo.minus(LOOK_BACK);
        var applied = 0;
        while (true) {
            var changed = rows.changedSince(since, PAGE);
            changed.forEach(index::apply);
            applied += changed.size();
            for (var article : changed) {
                if (caughtUpTo.isBefore(article.updatedAt())) {
                    caughtUpTo = article.updatedAt();
                }
            }
            if (changed.size() < PAGE || changed.getLast().updatedAt().equals(since)) {
                break;
            }
            since = changed.getLast().updatedAt();
        }
        var faqsSince = faqsCaughtUpTo.minus(LOOK_BACK);
        var faqsApplied = new int[1];
        faqs.changedSince(faqsSince, (faq, deleted) -> {
            index.apply(faq, deleted);
            faqsApplied[0]++;
            if (faqsCaughtUpTo.isBefore(faq.updatedAt())) {
                faqsCaughtUpTo = faq.updatedAt();
            }
        });
        if (applied + faqsApplied[0] > 0) {
            index.refresh();
        }
    }
}
