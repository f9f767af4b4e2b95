package dev.xiaoer.kernel;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;

/**
 * Bucket4j's time read from the application's clock, so that rate limits refill as the clock moves
 * and tests can move time instead of waiting.
 */
public record ClockTimeMeter(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        var now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
