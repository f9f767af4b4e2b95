import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Load generator for live chat: opens N visitor connections (STOMP over the JDK's WebSocket client,
 * so that it needs nothing but a JDK), holds them, and sends chat messages at a fixed total rate,
 * timing each from sending until the server's acknowledgement (stored and acknowledged).
 * <p>
 * Usage: java bench/ChatLoad.java URL WORKSPACE CONNECTIONS RATE SECONDS
 * where RATE is messages per second over all connections (0: only hold the connections).
 */
public class ChatLoad {

    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        var url = URI.create(args[0]);
        var workspace = args[1];
        int connections = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);

        var http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        var sent = new ConcurrentHashMap<String, Long>();
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var errors = new AtomicInteger();
        var acked = new AtomicLong();
        var sockets = new ArrayList<WebSocket>();
        var connected = new CountDownLatch(connections);
        var start = System.nanoTime();
        // Opened in batches: all at once would be a burst of handshakes no real site produces.
        for (var batch = 0; batch < connections; batch += 200) {
            var opening = new ArrayList<CompletableFuture<WebSocket>>();
            for (var i = batch; i < Math.min(connections, batch + 200); i++) {
                var listener = new Visitor(workspace, "bench-" + UUID.randomUUID(), connected, sent, latencies,
                        acked, errors);
                opening.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                        .buildAsync(url, listener));
            }
            opening.forEach(socket -> sockets.add(socket.join()));
        }
        if (!connected.await(120, TimeUnit.SECONDS)) {
            System.err.printf("only %d of %d connections were accepted%n", connections - connected.getCount(), connections);
        }
        System.out.printf("connections held: %d (opened in %.1f s)%n", connections - connected.getCount(),
                (System.nanoTime() - start) / 1e9);

        if (rate > 0) {
            var intervalNanos = 1_000_000_000L / rate;
            var end = System.nanoTime() + seconds * 1_000_000_000L;
            var next = System.nanoTime();
            var counter = 0L;
            while (System.nanoTime() < end) {
                var socket = sockets.get((int) (counter % sockets.size()));
                var clientId = "m" + counter++;
                var body = "{\"clientId\":\"" + clientId + "\",\"text\":\"化肥什么时候到？订单 " + clientId + "\"}";
                sent.put(clientId, System.nanoTime());
                synchronized (socket) {
                    socket.sendText(frame("SEND", Map.of("destination", "/app/chat.send", "client-id", clientId,
                            "content-type", "application/json"), body), true).join();
                }
                next += intervalNanos;
                var wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            TimeUnit.SECONDS.sleep(5);
            var sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("messages sent: %d in %d s (target %d/s); acknowledged: %d; errors: %d; unanswered: %d%n",
                    counter, seconds, rate, acked.get(), errors.get(), sent.size());
            if (!sorted.isEmpty()) {
                System.out.printf("send→ack latency ms: p50 %.2f  p99 %.2f  max %.2f%n", percentile(sorted, 50),
                        percentile(sorted, 99), sorted.getLast() / 1e6);
            }
        } else {
            TimeUnit.SECONDS.sleep(seconds);
        }
        System.exit(0);
    }

    static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static String frame(String command, Map<String, String> headers, String body) {
        var frame = new StringBuilder(command).append('\n');
        headers.forEach((name, value) -> frame.append(name).append(':').append(value).append('\n'));
        return frame.append('\n').append(body).append('\0').toString();
    }

    /** One visitor: connects, subscribes to its queue, and times the acknowledgements it gets. */
    record Visitor(String workspace, String visitorId, CountDownLatch connected, Map<String, Long> sent,
                   List<Long> latencies, AtomicLong acked, AtomicInteger errors) implements WebSocket.Listener {

        @Override
        public void onOpen(WebSocket socket) {
            socket.sendText(frame("CONNECT", Map.of("accept-version", "1.2", "heart-beat", "0,0",
                    "workspace", workspace, "visitor", visitorId), ""), true);
            socket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            var text = data.toString();
            if (text.startsWith("CONNECTED")) {
                socket.sendText(frame("SUBSCRIBE", Map.of("id", "0", "destination", "/user/queue/chat"), ""), true);
                connected.countDown();
            } else if (text.startsWith("MESSAGE")) {
                var now = System.nanoTime();
                var matcher = CLIENT_ID.matcher(text);
                if (matcher.find()) {
                    var at = sent.remove(matcher.group(1));
                    if (at != null) {
                        if (text.contains("\"type\":\"ack\"")) {
                            latencies.add(now - at);
                            acked.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
            } else if (text.startsWith("ERROR")) {
                errors.incrementAndGet();
            }
            return CompletableFuture.completedFuture(null);
        }
    }
}
