package dev.xiaoer.identity.web;

import dev.xiaoer.kernel.ClockTimeMeter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: each failed sign-in takes a token from the bucket of the e-mail and of
 * the client address; an empty bucket refuses further attempts until it refills. Per node, which
 * is enough to make guessing impractical.
 */
@Component
class LoginThrottle {

    private static final int FAILURES_PER_ACCOUNT = 5;
    private static final int FAILURES_PER_ADDRESS = 20;
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ClockTimeMeter time;

    LoginThrottle(Clock clock) {
        this.time = new ClockTimeMeter(clock);
    }

    boolean blocked(String email, String address) {
        return bucket(accountKey(email), FAILURES_PER_ACCOUNT).getAvailableTokens() <= 0
                || bucket("ip:" + address, FAILURES_PER_ADDRESS).getAvailableTokens() <= 0;
    }

    void failed(String email, String address) {
        bucket(accountKey(email), FAILURES_PER_ACCOUNT).tryConsume(1);
        bucket("ip:" + address, FAILURES_PER_ADDRESS).tryConsume(1);
    }

    @Scheduled(fixedDelay = 600_000)
    void forgetFullBuckets() {
        buckets.values().removeIf(b -> b.getAvailableTokens() >= FAILURES_PER_ACCOUNT);
    }

    private static String accountKey(String email) {
        return "user:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build())
                .build());
    }
}
