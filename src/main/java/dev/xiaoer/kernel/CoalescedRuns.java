package dev.xiaoer.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work that many events in a row ask for but that needs doing once: at most one run per
 * key at a time. Requests while it runs ask for one more run once it is done (what they announced
 * may have come too late for the running one), however many they are. So a burst of a thousand events costs two runs, not a thousand, and
 * never a pile of runs waiting on each other for the database. Runs go on virtual threads; a failure
 * is logged, and the next request tries again.
 */
public final class CoalescedRuns<K> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CoalescedRuns.class);

    private enum State { RUNNING, RUNNING_THEN_AGAIN }

    private final String name;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<K, State> states = new ConcurrentHashMap<>();

    /** {@code name} says in the log what failed. */
    public CoalescedRuns(String name) {
        this.name = name;
    }

    public void request(K key, Runnable work) {
        var start = new boolean[1];
        states.compute(key, (k, state) -> {
            start[0] = state == null;
            return state == null ? State.RUNNING : State.RUNNING_THEN_AGAIN;
        });
        if (start[0]) {
            executor.execute(() -> runWhileAsked(key, work));
        }
    }

    private void runWhileAsked(K key, Runnable work) {
        do {
            try {
                work.run();
            } catch (RuntimeException failed) {
                log.warn("{} for {} failed; the next request tries again", name, key, failed);
            }
        } while (states.compute(key, (k, state) -> state == State.RUNNING_THEN_AGAIN ? State.RUNNING : null) != null);
    }

    /** Runs {@code work} once in the background, on its own. */
    public void runOnce(Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException failed) {
                log.warn("{} failed", name, failed);
            }
        });
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
