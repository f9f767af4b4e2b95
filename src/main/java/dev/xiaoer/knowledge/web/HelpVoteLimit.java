package dev.xiaoer.knowledge.web;

import dev.xiaoer.kernel.ClockTimeMeter;
import dev.xiaoer.knowledge.ArticleId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts a reader's "was this helpful?" once per article a day, and at most {@link #PER_HOUR} votes an
 * hour from one address, so that a script cannot make an article look loved or useless. Readers
 * have no account, so a reader is their address; per node, in memory, which is enough to keep the
 * figures honest. A vote past the limit is thanked like any other, and not counted.
 */
@Component
class HelpVoteLimit {

    static final int PER_HOUR = 30;
    private static final Duration ONE_ARTICLE = Duration.ofDays(1);

    private final Map<String, Bucket> perArticle = new ConcurrentHashMap<>();
    private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();
    private final ClockTimeMeter time;

    HelpVoteLimit(Clock clock) {
        this.time = new ClockTimeMeter(clock);
    }

    /** Whether this vote of the address on the article counts. */
    boolean counts(String address, ArticleId article) {
        var hourly = perAddress.computeIfAbsent(address, key -> bucket(PER_HOUR, Duration.ofHours(1)));
        var daily = perArticle.computeIfAbsent(address + " " + article, key -> bucket(1, ONE_ARTICLE));
        return daily.getAvailableTokens() > 0 && hourly.tryConsume(1) && daily.tryConsume(1);
    }

    private Bucket bucket(int capacity, Duration period) {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build();
    }

    /** A full bucket is the same as none: forgetting it keeps memory to the readers voting now. */
    @Scheduled(fixedDelay = 600_000)
    void forgetQuietReaders() {
        perArticle.values().removeIf(bucket -> bucket.getAvailableTokens() >= 1);
        perAddress.values().removeIf(bucket -> bucket.getAvailableTokens() >= PER_HOUR);
    }
}
