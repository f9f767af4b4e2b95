import java.lang.ref.Reference;
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
 * timing each from sending until the server's acknowledgement (stored and acknowledged). With an
 * agent's session cookie it also opens agents' connections to their workspace's live inbox and times
 * each message from the visitor's sending until an agent's page hears of it (visitor → agent).
 * <p>
 * Usage: java bench/ChatLoad.java URL WORKSPACE CONNECTIONS RATE SECONDS [AGENTS AGENT-URL SESSION-COOKIE]
 * where RATE is messages per second over all connections (0: only hold the connections).
 */
public class ChatLoad {

    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":\"([^\"]+)\"");
    private static final Pattern NUMBER = Pattern.compile("\"(?:ticketNumber|number)\":(\\d+)");

    public static void main(String[] args) throws Exception {
        var url = URI.create(args[0]);
        var workspace = args[1];
        int connections = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int agents = args.length > 5 ? Integer.parseInt(args[5]) : 0;

        var http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        var sent = new ConcurrentHashMap<String, Long>();
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var errors = new AtomicInteger();
        var acked = new AtomicLong();
        var sockets = new ArrayList<WebSocket>();
        var visitors = new ArrayList<Visitor>();
        var connected = new CountDownLatch(connections);
        var start = System.nanoTime();
        // Opened in batches: all at once would be a burst of handshakes no real site produces.
        for (var batch = 0; batch < connections; batch += 200) {
            var opening = new ArrayList<CompletableFuture<WebSocket>>();
            for (var i = batch; i < Math.min(connections, batch + 200); i++) {
                var listener = new Visitor(workspace, "bench-" + UUID.randomUUID(), connected, sent, latencies,
                        acked, errors, Collections.synchronizedList(new ArrayList<>()), new AtomicLong());
                visitors.add(listener);
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
        // The first agent's page times what it hears; the others are the fan-out a real team adds.
        var heard = new ConcurrentHashMap<Long, List<Long>>();
        var agentsConnected = new CountDownLatch(agents);
        for (var i = 0; i < agents; i++) {
            http.newWebSocketBuilder().header("Cookie", args[7]).connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(args[6]), new AgentPage(workspace, agentsConnected, i == 0 ? heard : null))
                    .join();
        }
        if (agents > 0 && !agentsConnected.await(30, TimeUnit.SECONDS)) {
            System.err.println("not every agent's page connected");
        }

        if (rate > 0) {
            // First every visitor opens their chat (a ticket each), at the same rate; only then are the
            // messages of chats already going timed, as on a shop where chats open through the day.
            var openStart = System.nanoTime();
            for (var i = 0; i < sockets.size(); i++) {
                var clientId = "open" + i;
                sent.put(clientId, System.nanoTime());
                visitors.get(i).sends().add(System.nanoTime());
                var socket = sockets.get(i);
                synchronized (socket) {
                    socket.sendText(frame("SEND", Map.of("destination", "/app/chat.send", "client-id", clientId,
                            "content-type", "application/json"), "{\"clientId\":\"" + clientId
                            + "\",\"text\":\"你好，我想问一下订单\"}"), true).join();
                }
                TimeUnit.NANOSECONDS.sleep(1_000_000_000L / rate);
            }
            var openDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acked.get() < sockets.size() && System.nanoTime() < openDeadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            System.out.printf("chats opened: %d of %d in %.1f s%n", acked.get(), sockets.size(),
                    (System.nanoTime() - openStart) / 1e9);
            latencies.clear();
            acked.set(0);
            var intervalNanos = 1_000_000_000L / rate;
            var end = System.nanoTime() + seconds * 1_000_000_000L;
            var next = System.nanoTime();
            var counter = 0L;
            while (System.nanoTime() < end) {
                var index = (int) (counter % sockets.size());
                var socket = sockets.get(index);
                var clientId = "m" + counter++;
                visitors.get(index).sends().add(System.nanoTime());
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
            if (agents > 0) {
                // A visitor's messages are filed in order, so the k-th message an agent hears of on a
                // ticket is that visitor's k-th.
                var delivered = new ArrayList<Long>();
                for (var visitor : visitors) {
                    var times = visitor.number().get() == 0 ? null : heard.get(visitor.number().get());
                    // Paired by position only where the agent heard every message of the chat (a gap
                    // would shift the pairs); the first message opened the chat, the timed ones follow.
                    if (times != null && times.size() == visitor.sends().size()) {
                        for (var k = 1; k < times.size(); k++) {
                            delivered.add(times.get(k) - visitor.sends().get(k));
                        }
                    }
                }
                Collections.sort(delivered);
                System.out.printf("agents' pages: %d; visitor→agent messages timed: %d (chats heard in full only)%n",
                        agents, delivered.size());
                if (!delivered.isEmpty()) {
                    System.out.printf("visitor→agent latency ms: p50 %.2f  p99 %.2f  max %.2f%n",
                            percentile(delivered, 50), percentile(delivered, 99), delivered.getLast() / 1e6);
                }
            }
        } else {
            TimeUnit.SECONDS.sleep(seconds);
        }
        // The client's selector thread, which reads every socket, stops once the client itself is
        // garbage: unreferenced after the connections opened, it was collected mid-run now and then.
        Reference.reachabilityFence(http);
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

    /**
     * One visitor: connects, subscribes to its queue, and times the acknowledgements it gets; keeps
     * when it sent each message and the number of its ticket, for the visitor → agent times.
     */
    record Visitor(String workspace, String visitorId, CountDownLatch connected, Map<String, Long> sent,
                   List<Long> latencies, AtomicLong acked, AtomicInteger errors, List<Long> sends,
                   AtomicLong number) implements WebSocket.Listener {

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
                            var found = NUMBER.matcher(text);
                            if (number.get() == 0 && found.find()) {
                                number.set(Long.parseLong(found.group(1)));
                            }
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

    /** An agent's page: connects with the session cookie and hears the workspace's inbox; maybe times it. */
    record AgentPage(String workspace, CountDownLatch connected, Map<Long, List<Long>> heard)
            implements WebSocket.Listener {

        @Override
        public void onOpen(WebSocket socket) {
            socket.sendText(frame("CONNECT", Map.of("accept-version", "1.2", "heart-beat", "0,0"), ""), true);
            socket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            var text = data.toString();
            if (text.startsWith("CONNECTED")) {
                socket.sendText(frame("SUBSCRIBE", Map.of("id", "0",
                        "destination", "/topic/workspace." + workspace + ".inbox"), ""), true);
                connected.countDown();
            } else if (heard != null && text.startsWith("MESSAGE") && text.contains("\"what\":\"message\"")) {
                var now = System.nanoTime();
                var found = NUMBER.matcher(text);
                if (found.find()) {
                    heard.computeIfAbsent(Long.parseLong(found.group(1)),
                            number -> Collections.synchronizedList(new ArrayList<>())).add(now);
                }
            }
            return CompletableFuture.completedFuture(null);
        }
    }
}
