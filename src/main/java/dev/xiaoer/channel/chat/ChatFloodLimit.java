package dev.xiaoer.channel.chat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At most {@value #MESSAGES} chat messages in {@link #WINDOW} per visitor, so that one visitor's
 * script cannot bury the team's inbox. Per node, in memory: a visitor's connection stays on one
 * node, and a limit a few times higher across several nodes still stops a flood.
 */
@Component
class ChatFloodLimit {

    static final int MESSAGES = 10;
    static final Duration WINDOW = Duration.ofSeconds(10);

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    /** Buckets refill by the application's clock, so that tests can move time instead of waiting. */
    ChatFloodLimit(Clock clock) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                var now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one message from the visitor's allowance; false when it is used up. */
    boolean allow(ChatVisitor visitor) {
        return buckets.computeIfAbsent(visitor.getName(), name -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(MESSAGES).refillGreedy(MESSAGES, WINDOW).build())
                .build()).tryConsume(1);
    }

    /** A full bucket is the same as none: forgetting it keeps memory to the visitors chatting now. */
    @Scheduled(fixedDelay = 60_000)
    void forgetQuietVisitors() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= MESSAGES);
    }
}
