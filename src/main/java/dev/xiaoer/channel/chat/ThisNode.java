package dev.xiaoer.channel.chat;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This running instance of Xiaoer among several on one database. db-scheduler runs a task on
 * whichever node picks it up; a task that only the node holding a browser's connection can do (while
 * connections are not shared through the relay), or only a node with a mail server, says so by
 * throwing {@link Elsewhere}, and {@link #retryElsewhere} puts it back for another node a moment later.
 */
@Component
class ThisNode {

    /** The task must run on another node; nothing was done here. */
    static final class Elsewhere extends RuntimeException {
        Elsewhere(String why) {
            super(why, null, false, false);
        }
    }

    private static final Duration SOON = Duration.ofMillis(500);

    private final String id = UUID.randomUUID().toString();

    String id() {
        return id;
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
