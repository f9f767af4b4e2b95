package dev.xiaoer.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in integration tests: the system clock, until a test moves it forward to
 * see what happens days later. Tests that move it put it back with {@link #reset()}.
 */
public class MutableClock extends Clock {

    private static final AtomicReference<Duration> SHARED_OFFSET = new AtomicReference<>(Duration.ZERO);

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public MutableClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    /**
     * A clock that moves with every other shared one: the application contexts of a test run share
     * one database, and a scheduled task runs in whichever context's scheduler picks it up first, so
     * a clock per context could run a task a test rescheduled after moving its clock on a context
     * whose clock was never moved.
     */
    public static MutableClock shared() {
        return new MutableClock(SHARED_OFFSET, ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    public void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time seen from another zone: moving either clock moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(offset, zone);
    }
}
