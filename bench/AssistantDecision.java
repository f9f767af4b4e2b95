import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Asks the assistant over the REST API, one question at a time, in words the FAQ of
 * bench/assistant-decision.sh does not use for its phrasings, plus some English and some questions
 * no entry is about; prints the time of the first decision (which trains the model), the latency
 * distribution and how the decisions came out; given the server's process id and the clock ticks a
 * second of /proc (getconf CLK_TCK), also the server's CPU time a measured decision.
 * Usage: java AssistantDecision.java BASE_URL TOKEN DECISIONS [SERVER_PID CLOCK_TICKS]
 */
public class AssistantDecision {

    private static final List<String> PRODUCTS = List.of("复合肥", "有机肥", "尿素", "杀虫剂", "除草剂", "水稻种子", "玉米种子",
            "叶面肥", "滴灌带", "喷雾器", "西瓜种子", "番茄种子", "水溶肥", "缓释肥", "大棚膜", "营养土");
    private static final List<String> ASKING = List.of("%s用了好几天了还没效果", "%s一亩地要用多少", "%s收到的时候袋子破了",
            "%s发货了吗", "%s能退吗", "%s怎么开发票", "%s可以和别的药一起用吗", "%s过了保质期还能用吗", "%s能不能送到我们村",
            "%s买错了想换一个");
    private static final List<String> OTHER = List.of("你们老板是谁", "今天天气怎么样", "where is my parcel",
            "how long does fertilizer take to work", "讲个笑话吧", "转人工");

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var token = args[1];
        var measured = Integer.parseInt(args[2]);
        // The JIT compiler is still busy after a thousand decisions (C2 took half a core in the measured
        // ones); three thousand, about half a minute, leave the steady state a long-running server is in.
        var warmUp = 3000;
        var http = HttpClient.newHttpClient();
        var random = new Random(42);
        var times = new long[measured];
        var inServer = new long[measured];
        var kinds = new TreeMap<String, Integer>();
        var serverPid = args.length > 4 ? args[3] : null;
        var cpuAtStart = 0L;
        for (var i = 0; i < warmUp + measured; i++) {
            var question = random.nextInt(10) == 0 ? OTHER.get(random.nextInt(OTHER.size()))
                    : ASKING.get(random.nextInt(ASKING.size())).formatted(PRODUCTS.get(random.nextInt(PRODUCTS.size())));
            var body = "{\"text\":\"" + question.replace("\"", "\\\"") + "\"}";
            var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/assistant/decisions"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            var started = System.nanoTime();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var took = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            if (i == 0) {
                System.out.printf("  first decision (loads the models, trains the workspace's model): %.1f s%n", took / 1e9);
            }
            if (i == warmUp - 1 && serverPid != null) {
                cpuAtStart = cpuTicks(serverPid);
            }
            if (i >= warmUp) {
                times[i - warmUp] = took;
                inServer[i - warmUp] = (long) (1e6 * Double.parseDouble(response.headers().firstValue("Server-Timing")
                        .orElseThrow().replaceAll(".*dur=([0-9.]+).*", "$1")));
                var kind = response.body().replaceAll(".*\"kind\":\"([a-z_]+)\".*", "$1");
                kinds.merge(kind, 1, Integer::sum);
            }
        }
        Arrays.sort(times);
        Arrays.sort(inServer);
        System.out.printf("decisions over the API, one thread, %d after %d to warm up:%n", measured, warmUp);
        System.out.printf("  p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; decisions %s%n",
                ms(times, 0.50), ms(times, 0.90), ms(times, 0.99), times[times.length - 1] / 1e6, kinds);
        System.out.printf("  of which the assistant's decision in the server (Server-Timing): p50 %.2f ms, p90 %.2f ms,"
                + " p99 %.2f ms, max %.2f ms%n", ms(inServer, 0.50), ms(inServer, 0.90), ms(inServer, 0.99),
                inServer[inServer.length - 1] / 1e6);
        if (serverPid != null) {
            var ticks = cpuTicks(serverPid) - cpuAtStart;
            System.out.printf("  server CPU (user + system, all its threads) a measured decision: %.2f ms%n",
                    1000.0 * ticks / Integer.parseInt(args[4]) / measured);
        }
    }

    /** The process's user and system time so far, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long cpuTicks(String pid) throws java.io.IOException {
        var stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
