package dev.xiaoer.channel.chat;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.MessageHandlingRunnable;

/**
 * Handles the frames clients send on a pool of threads, one frame at a time per WebSocket session and
 * in the order they arrived, so a visitor's quick messages are filed as sent while different sessions
 * go in parallel. Spring's own {@code preserveReceiveOrder} orders them too, but by queueing the frame
 * before the channel's interceptors run, so a refused CONNECT no longer answers with an ERROR frame;
 * here the interceptors still run on the socket's thread and only the handling is ordered.
 */
final class SessionOrderedExecutor implements TaskExecutor {

    private static final Logger log = LoggerFactory.getLogger(SessionOrderedExecutor.class);

    private final ExecutorService pool;
    /** Per session with frames being handled, those still waiting; no entry while the session is idle. */
    private final Map<String, Queue<Runnable>> waiting = new ConcurrentHashMap<>();

    SessionOrderedExecutor(int threads) {
        pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("chat-inbound-", 1).factory());
    }

    @Override
    public void execute(Runnable task) {
        var session = task instanceof MessageHandlingRunnable handling
                ? SimpMessageHeaderAccessor.getSessionId(handling.getMessage().getHeaders()) : null;
        if (session == null) {
            pool.execute(task);
            return;
        }
        var idle = new boolean[1];
        waiting.compute(session, (id, queue) -> {
            idle[0] = queue == null;
            var tasks = queue == null ? new ArrayDeque<Runnable>() : queue;
            tasks.add(task);
            return tasks;
        });
        if (idle[0]) {
            pool.execute(() -> runInTurn(session));
        }
    }

    private void runInTurn(String session) {
        var next = new Runnable[1];
        while (true) {
            waiting.compute(session, (id, queue) -> {
                next[0] = queue.poll();
                return next[0] == null ? null : queue;
            });
            if (next[0] == null) {
                return;
            }
            try {
                next[0].run();
            } catch (RuntimeException failed) {
                log.warn("Handling a frame of session {} failed", session, failed);
            }
        }
    }

    void shutdown() {
        pool.shutdown();
    }
}
