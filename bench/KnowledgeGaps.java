import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Asks a workspace without FAQ entries QUESTIONS questions over the REST API (every one a knowledge
 * gap), made of TOPICS (product, problem) pairs each asked in several wordings, then times the gaps
 * report (GET /api/v1/assistant/gaps) and prints how many groups it found.
 * Usage: java KnowledgeGaps.java BASE_URL TOKEN QUESTIONS TOPICS
 */
public class KnowledgeGaps {

    private static final List<String> PRODUCTS = List.of("复合肥", "有机肥", "尿素", "杀虫剂", "除草剂", "水稻种子", "玉米种子",
            "小麦种子", "叶面肥", "生根粉", "地膜", "滴灌带", "喷雾器", "苹果苗", "桃树苗", "草莓苗", "西瓜种子", "辣椒种子",
            "番茄种子", "水溶肥");
    private static final List<String> PROBLEMS = List.of("多久见效", "一亩用多少", "能不能和农药混用", "过期了还能用吗",
            "包装破了怎么办", "结块了怎么处理", "发错货了", "什么时候发货", "可以退货吗", "能开发票吗");
    private static final List<String> WORDINGS = List.of("%s%s？", "请问%s%s", "我买的%s%s", "%s的问题：%s", "想问一下%s%s",
            "你好，%s%s", "%s，%s呢", "老板，%s%s", "关于%s，%s", "咨询下%s%s");

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var token = args[1];
        var questions = Integer.parseInt(args[2]);
        var topics = Integer.parseInt(args[3]);
        var random = new Random(7);
        var client = HttpClient.newHttpClient();
        var asked = new ArrayList<String>();
        for (var i = 0; i < questions; i++) {
            var topic = i % topics;
            var product = PRODUCTS.get(topic % PRODUCTS.size());
            var problem = PROBLEMS.get(topic / PRODUCTS.size() % PROBLEMS.size());
            asked.add(String.format(WORDINGS.get(random.nextInt(WORDINGS.size())), product, problem));
        }
        Collections.shuffle(asked, random);
        var started = System.nanoTime();
        for (var i = 0; i < asked.size(); i++) {
            var body = "{\"text\":\"" + asked.get(i) + "\",\"conversation\":\"bench-" + i + "\"}";
            var response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assistant/decisions"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        }
        System.out.printf("asked %d questions on %d topics in %.1f s%n", questions, topics, (System.nanoTime() - started) / 1e9);
        var runs = 20;
        var times = new long[runs];
        var groups = 0;
        for (var run = 0; run < runs + 3; run++) {
            var start = System.nanoTime();
            var response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assistant/gaps"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            var took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            groups = response.body().split("\"question\"").length - 1;
            if (run >= 3) {
                times[run - 3] = took;
            }
        }
        Arrays.sort(times);
        System.out.printf("gaps report over the API (%d runs after 3 to warm up): p50 %.1f ms, max %.1f ms; %d groups"
                + " (%d topics asked)%n", runs, times[runs / 2] / 1e6, times[runs - 1] / 1e6, groups, topics);
    }
}
