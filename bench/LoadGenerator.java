import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load generator: N clients each send the next POST as soon as the previous one
 * answers, for a fixed time, and report throughput and latency percentiles. It warms the server up
 * for 20 s first, and each level for 3 s before its measurement.
 * Single-file program: {@code java bench/LoadGenerator.java URL TOKEN BODY_TEMPLATE SECONDS N...}.
 * In the body template, {@code {n}} is replaced with a unique request number.
 */
public class LoadGenerator {

    private static final int WARM_UP_SECONDS = 20;

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: LoadGenerator URL TOKEN BODY_TEMPLATE SECONDS N [N...]");
            System.exit(2);
        }
        var url = URI.create(args[0]);
        var token = args[1];
        var template = args[2];
        var seconds = Integer.parseInt(args[3]);
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        var counter = new AtomicLong();

        // The JIT compiles the hot paths during the first seconds: warm up once before measuring anything.
        run(client, url, token, template, counter, 8, WARM_UP_SECONDS, false);
        System.out.printf("%-8s %12s %10s %10s %10s %8s%n", "clients", "requests/s", "p50 ms", "p99 ms", "max ms", "errors");
        for (int i = 4; i < args.length; i++) {
            int clients = Integer.parseInt(args[i]);
            run(client, url, token, template, counter, clients, 3, false);
            var result = run(client, url, token, template, counter, clients, seconds, true);
            System.out.printf("%-8d %12.0f %10.2f %10.2f %10.2f %8d%n", clients, result.throughput(),
                    result.percentile(50), result.percentile(99), result.percentile(100), result.errors());
        }
    }

    record Result(long[] latenciesNanos, double seconds, long errors) {
        double throughput() {
            return latenciesNanos.length / seconds;
        }

        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1_000_000.0;
        }
    }

    static Result run(HttpClient client, URI url, String token, String template, AtomicLong counter, int clients,
                      int seconds, boolean measure) throws InterruptedException {
        var stop = new AtomicBoolean();
        var errors = new AtomicLong();
        var perClient = new ArrayList<List<Long>>();
        var done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            var latencies = new ArrayList<Long>(1 << 14);
            perClient.add(latencies);
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (!stop.get()) {
                        var body = template.replace("{n}", Long.toString(counter.incrementAndGet()));
                        var request = HttpRequest.newBuilder(url)
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long start = System.nanoTime();
                        try {
                            var response = client.send(request, HttpResponse.BodyHandlers.discarding());
                            long took = System.nanoTime() - start;
                            if (response.statusCode() >= 300) {
                                errors.incrementAndGet();
                            } else {
                                latencies.add(took);
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perClient.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
        Arrays.sort(all);
        return new Result(all, elapsed, errors.get());
    }
}
