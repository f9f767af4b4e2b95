package dev.xiaoer.channel.chat;

import dev.xiaoer.kernel.ClockTimeMeter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At most {@code xiaoer.chat.flood.messages} chat messages (10) in {@code xiaoer.chat.flood.window}
 * (10 s) per visitor, so that one visitor's script cannot bury the team's inbox. Per node, in
 * memory: a visitor's connection stays on one node, and a limit a few times higher across several
 * nodes still stops a flood.
 */
@Component
class ChatFloodLimit {

    /** Typing is said at most every few seconds by the widget; more than this is a script. */
    static final int TYPING_PER_WINDOW = 5;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Bucket> typing = new ConcurrentHashMap<>();
    private final ClockTimeMeter time;
    private final int messages;
    private final Duration window;

    ChatFloodLimit(Clock clock, @Value("${xiaoer.chat.flood.messages:10}") int messages,
                   @Value("${xiaoer.chat.flood.window:10s}") Duration window) {
        this.messages = messages;
        this.window = window;
        this.time = new ClockTimeMeter(clock);
    }

    int messages() {
        return messages;
    }

    /** Takes one message from the visitor's allowance; false when it is used up. */
    boolean allow(ChatVisitor visitor) {
        return buckets.computeIfAbsent(visitor.getName(), name -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(messages).refillGreedy(messages, window).build())
                .build()).tryConsume(1);
    }

    /** Takes one typing notice from the visitor's allowance; false (the notice is dropped) when used up. */
    boolean allowTyping(ChatVisitor visitor) {
        return typing.computeIfAbsent(visitor.getName(), name -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(TYPING_PER_WINDOW).refillGreedy(TYPING_PER_WINDOW, window).build())
                .build()).tryConsume(1);
    }

    /** A full bucket is the same as none: forgetting it keeps memory to the visitors chatting now. */
    @Scheduled(fixedDelay = 60_000)
    void forgetQuietVisitors() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= messages);
        typing.values().removeIf(bucket -> bucket.getAvailableTokens() >= TYPING_PER_WINDOW);
    }
}
