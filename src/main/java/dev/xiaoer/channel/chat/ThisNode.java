package dev.xiaoer.channel.chat;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.time.Instant;

/**
 * This running instance of Xiaoer among several on one database. db-scheduler runs a task on
 * whichever node picks it up; a task that only some nodes can do (e-mail, where only some nodes have
 * a mail server configured) says so by throwing {@link Elsewhere}, and {@link #retryElsewhere} puts it
 * back for another node a moment later.
 */
final class ThisNode {

    /** The task must run on another node; nothing was done here. */
    static final class Elsewhere extends RuntimeException {
        Elsewhere(String why) {
            super(why, null, false, false);
        }
    }

    private static final Duration SOON = Duration.ofMillis(500);

    private ThisNode() {
    }

    /** Reschedules a task that threw {@link Elsewhere} for a moment later; other failures go to {@code otherwise}. */
    static <T> FailureHandler<T> retryElsewhere(FailureHandler<T> otherwise) {
        return (complete, operations) -> {
            if (complete.getCause().filter(Elsewhere.class::isInstance).isPresent()) {
                // db-scheduler runs on the system clock.
                operations.reschedule(complete, Instant.now().plus(SOON));
            } else {
                otherwise.onFailure(complete, operations);
            }
        };
    }
}
