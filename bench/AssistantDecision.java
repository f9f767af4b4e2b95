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
 * distribution and how the decisions came out. Usage: java AssistantDecision.java BASE_URL TOKEN DECISIONS
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
        var warmUp = Math.max(500, measured / 3);
        var http = HttpClient.newHttpClient();
        var random = new Random(42);
        var times = new long[measured];
        var inServer = new long[measured];
        var kinds = new TreeMap<String, Integer>();
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
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
