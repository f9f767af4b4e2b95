import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Searches the knowledge base over the REST API, one query at a time, with queries of two to four
 * words drawn from the same vocabulary as bench/kb-search.sh's articles (Chinese, English, or both),
 * and prints the latency distribution. Usage: java KbSearch.java BASE_URL TOKEN QUERIES
 */
public class KbSearch {

    private static final List<String> ZH = List.of("化肥", "复合肥", "有机肥", "种子", "农药", "果树", "桃子", "浇水", "施肥",
            "见效", "破损", "包裹", "快递", "退货", "退款", "补发", "优惠券", "理赔", "拍照", "订单", "发票", "到货", "延迟",
            "干旱", "保质期", "冷链", "腐烂", "用量", "间隔期", "包邮");
    private static final List<String> EN = List.of("fertilizer", "organic", "seeds", "pesticide", "orchard", "peach",
            "watering", "applying", "germination", "damaged", "parcel", "delivery", "returns", "refund", "reship",
            "coupon", "claim", "photos", "order", "invoice", "arrives", "delayed", "drought", "fresh", "spoiled",
            "dosage", "safety", "harvest", "shipping", "tracking");

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var token = args[1];
        var measured = Integer.parseInt(args[2]);
        var warmUp = Math.max(1000, measured / 2);
        var http = HttpClient.newHttpClient();
        var random = new Random(42);
        var times = new long[measured];
        long hits = 0;
        for (var i = 0; i < warmUp + measured; i++) {
            var query = query(random);
            var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/search?limit=10&q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token).GET().build();
            var started = System.nanoTime();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var took = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            if (i >= warmUp) {
                times[i - warmUp] = took;
                hits += response.body().split("\"slug\"", -1).length - 1;
            }
        }
        Arrays.sort(times);
        System.out.printf("search over the API, one thread, %d queries after %d to warm up (10 results each asked):%n",
                measured, warmUp);
        System.out.printf("  p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; %.1f results per query%n",
                ms(times, 0.50), ms(times, 0.90), ms(times, 0.99), times[times.length - 1] / 1e6,
                hits / (double) measured);
    }

    private static String query(Random random) {
        var words = 2 + random.nextInt(3);
        var kind = random.nextInt(3);
        var query = new StringBuilder();
        for (var w = 0; w < words; w++) {
            var chinese = kind == 0 || kind == 2 && w % 2 == 0;
            var list = chinese ? ZH : EN;
            query.append(chinese ? "" : " ").append(list.get(random.nextInt(list.size())));
        }
        return query.toString().strip();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
