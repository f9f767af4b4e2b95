package dev.xiaoer.kernel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work that many events in a row ask for but that needs doing once: while a run for a key
 * waits to start, more requests for that key add nothing. The key is cleared as the run starts, so a
 * request during a run asks for one more. Runs go on virtual threads; a failure is logged, and the
 * next request tries again.
 */
public final class CoalescedRuns<K> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CoalescedRuns.class);

    private final String name;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<K> waiting = ConcurrentHashMap.newKeySet();

    /** {@code name} says in the log what failed. */
    public CoalescedRuns(String name) {
        this.name = name;
    }

    public void request(K key, Runnable work) {
        if (!waiting.add(key)) {
            return;
        }
        executor.execute(() -> {
            waiting.remove(key);
            try {
                work.run();
            } catch (RuntimeException failed) {
                log.warn("{} for {} failed; the next request tries again", name, key, failed);
            }
        });
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
