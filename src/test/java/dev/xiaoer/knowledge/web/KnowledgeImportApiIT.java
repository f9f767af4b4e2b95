package dev.xiaoer.knowledge.web;

import static dev.xiaoer.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

/** Importing and exporting FAQ entries and articles as files, over the REST API, as an operator moving a shop's knowledge. */
@IntegrationTest
class KnowledgeImportApiIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String PROBLEMS = "https://xiaoer.dev/problems/";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    RestTestClient api;

    @BeforeEach
    void client() {
        api = client("Import shop");
    }

    @Test
    void anFaqFileIsAppliedRowByRowWithTheRefusedRowsReportedAndImportingItAgainChangesNothing() {
        var article = post(api, "/api/v1/articles", json("title", "How to photograph a spoiled box",
                "body", "Photograph the box, the label and the fruit.", "language", "en"));
        var file = """
                question,answer,language,phrasings,action,article
                复合肥多久见效？,一般施用后 7–15 天见效。,zh-CN,"肥料撒了多久有效果
                化肥什么时候起作用",,
                My fruit box arrived spoiled,"Sorry! Send us photos, we refund the spoiled share.",en,"The peaches were rotten
                Fruit arrived damaged",open_claim,how-to-photograph-a-spoiled-box
                Where is my parcel?,,en,,,
                When do you ship?,Within 24 hours.,en,,,no-such-article
                Can I pay on delivery?,Yes.,en,,teleport,
                """;

        var done = importAndWait(api, "faqs", "faqs.csv", file.getBytes(StandardCharsets.UTF_8));

        assertThat(done).containsEntry("status", "done").containsEntry("total", 5).containsEntry("processed", 5)
                .containsEntry("created", 2).containsEntry("failed", 3).containsEntry("percent", 100);
        assertThat(errors(done)).extracting(e -> e.get("row"), e -> e.get("field"), e -> e.get("code")).containsExactly(
                tuple(4, "answer", "faq-answer-required"),
                tuple(5, "article", "import-article-unknown"),
                tuple(6, "action", "import-action-invalid"));
        assertThat(errors(done).get(0).get("reason")).isEqualTo("answer: Write the answer the assistant gives.");

        var faqs = items(api.get().uri("/api/v1/faqs").exchange().expectBody(JSON).returnResult().getResponseBody());
        assertThat(faqs).extracting(f -> f.get("question")).containsExactlyInAnyOrder("复合肥多久见效？",
                "My fruit box arrived spoiled");
        var claim = faqs.stream().filter(f -> f.get("question").equals("My fruit box arrived spoiled")).findFirst().orElseThrow();
        assertThat(claim).containsEntry("action", "open_claim").containsEntry("article", article.get("id"))
                .containsEntry("phrasings", List.of("The peaches were rotten", "Fruit arrived damaged"));
        // The node that ran the import indexed the entries at once; this one (another application context
        // of the test run may have taken the task) within its catch-up.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get()
                .uri("/api/v1/faqs/match?q={q}", "化肥什么时候起作用").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody()).first().extracting(m -> m.get("question")).isEqualTo("复合肥多久见效？"));

        var report = csv(api.get().uri("/api/v1/knowledge-imports/{id}/errors", done.get("id")).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(report.getFirst().values()).containsExactly("row", "id", "language", "question", "answer",
                "expectation", "phrasings", "article", "action", "error");
        assertThat(report.get(1).get(0)).isEqualTo("4");
        assertThat(report.get(1).get(3)).isEqualTo("Where is my parcel?");
        assertThat(report.get(2).get(9)).contains("no-such-article");

        var again = importAndWait(api, "faqs", "faqs.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 2)
                .containsEntry("failed", 3);
        assertThat(items(api.get().uri("/api/v1/faqs").exchange().expectBody(JSON).returnResult().getResponseBody()))
                .hasSize(2).allSatisfy(faq -> assertThat(faq).containsEntry("version", 1));
    }

    @Test
    void aSpreadsheetSavedInGb18030ImportsWithItsChineseIntact() {
        var file = "question,answer\n化肥结块了还能用吗？,结块不影响肥效，敲碎后即可使用。\n";

        var done = importAndWait(api, "faqs", "常见问题.csv", file.getBytes(Charset.forName("GB18030")));

        assertThat(done).containsEntry("created", 1).containsEntry("fileName", "常见问题.csv");
        assertThat(items(api.get().uri("/api/v1/faqs").exchange().expectBody(JSON).returnResult().getResponseBody()))
                .first().satisfies(faq -> assertThat(faq).containsEntry("question", "化肥结块了还能用吗？")
                        .containsEntry("language", "zh-CN"));
    }

    @Test
    void aFileThatCannotBeImportedAsAWholeIsRefusedAtOnceNamingWhy() {
        refused("faqs", "faqs.csv", "question,answer,colour\nA,B,red\n".getBytes(StandardCharsets.UTF_8),
                "import-unknown-column", "“colour”");
        refused("faqs", "faqs.csv", "answer\nB\n".getBytes(StandardCharsets.UTF_8), "import-missing-column", "“question”");
        refused("faqs", "faqs.csv", "question,answer\n".getBytes(StandardCharsets.UTF_8), "import-empty", "no rows");
        refused("faqs", "photo.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe},
                "import-not-text", "UTF-8");
        refused("faqs", "faqs.zip", new byte[] {1, 2, 3}, "import-faqs-csv-only", ".csv");
        refused("articles", "articles.zip", "not a zip".getBytes(StandardCharsets.UTF_8), "import-not-zip", "zip");
        assertThat(items(api.get().uri("/api/v1/knowledge-imports").exchange().expectBody(JSON).returnResult()
                .getResponseBody())).isEmpty();
    }

    @Test
    void articlesExportedAsMarkdownAndFaqsAsCsvImportIntoAnotherWorkspaceAsTheyWere() {
        var category = post(api, "/api/v1/article-categories", json("name", "施肥 Fertilizing"));
        var original = post(api, "/api/v1/articles", json("title", "复合肥多久见效？", "body",
                "复合肥施用后一般 **7–15 天** 见效。\n\n- 干旱时请及时浇水", "language", "zh-CN",
                "category", category.get("id"), "tags", List.of("化肥", "施肥")));
        api.post().uri("/api/v1/articles/{id}/publish", original.get("id")).contentType(MediaType.APPLICATION_JSON)
                .body(json("version", 1)).exchange().expectStatus().isOk();
        post(api, "/api/v1/articles", json("title", "\"Fast\" fertilizer: how soon does it work?", "body",
                "Usually within **7–15 days**.", "language", "en", "translationOf", original.get("id")));
        post(api, "/api/v1/faqs", json("language", "zh-CN", "question", "复合肥多久见效？", "answer", "7–15 天。",
                "expectation", "7–15 天见效", "phrasings", List.of("肥料撒了多久有效果", "化肥什么时候起作用"),
                "article", original.get("id"), "action", "hand_off"));

        var zip = api.get().uri("/api/v1/articles/export?format=markdown").exchange().expectStatus().isOk()
                .expectHeader().contentType("application/zip").expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(zipNames(zip)).containsExactlyInAnyOrder("复合肥多久见效.md",
                "fast-fertilizer-how-soon-does-it-work.md");
        var faqFile = api.get().uri("/api/v1/faqs/export").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(faqFile).startsWith(0xef, 0xbb, 0xbf);

        var other = client("Second shop");
        assertThat(importAndWait(other, "articles", "articles.zip", zip)).containsEntry("created", 2).containsEntry("failed", 0);
        assertThat(importAndWait(other, "faqs", "faqs.csv", faqFile)).containsEntry("created", 1).containsEntry("failed", 0);

        var articles = items(other.get().uri("/api/v1/articles").exchange().expectBody(JSON).returnResult().getResponseBody());
        var zh = articles.stream().filter(a -> a.get("language").equals("zh-CN")).findFirst().orElseThrow();
        var en = articles.stream().filter(a -> a.get("language").equals("en")).findFirst().orElseThrow();
        assertThat(zh).containsEntry("title", "复合肥多久见效？").containsEntry("status", "published")
                .containsEntry("tags", List.of("化肥", "施肥")).containsEntry("body",
                        "复合肥施用后一般 **7–15 天** 见效。\n\n- 干旱时请及时浇水");
        assertThat(en).containsEntry("title", "\"Fast\" fertilizer: how soon does it work?").containsEntry("status", "draft");
        assertThat(en.get("translationGroup")).isEqualTo(zh.get("translationGroup"));
        var categories = other.get().uri("/api/v1/article-categories").exchange().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(categories).contains("施肥 Fertilizing").contains(zh.get("category").toString());

        var faq = items(other.get().uri("/api/v1/faqs").exchange().expectBody(JSON).returnResult().getResponseBody()).getFirst();
        assertThat(faq).containsEntry("question", "复合肥多久见效？").containsEntry("expectation", "7–15 天见效")
                .containsEntry("phrasings", List.of("肥料撒了多久有效果", "化肥什么时候起作用"))
                .containsEntry("action", "hand_off").containsEntry("article", zh.get("id"));

        var csvExport = other.get().uri("/api/v1/articles/export").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        var third = client("Third shop");
        assertThat(importAndWait(third, "articles", "articles.csv", csvExport)).containsEntry("created", 2)
                .containsEntry("failed", 0);
        assertThat(importAndWait(third, "articles", "articles.csv", csvExport)).containsEntry("unchanged", 2);
    }

    private RestTestClient client(String name) {
        return ApiClient.forToken(port, workspaces.create(name + " " + UUID.randomUUID()).token());
    }

    private Map<String, Object> importAndWait(RestTestClient client, String kind, String fileName, byte[] content) {
        var started = client.post().uri("/api/v1/knowledge-imports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(upload(kind, fileName, content)).exchange()
                .expectStatus().isAccepted().expectBody(JSON).returnResult().getResponseBody();
        assertThat(started).containsEntry("kind", kind).containsKey("total");
        var result = new ArrayList<Map<String, Object>>(1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var now = client.get().uri("/api/v1/knowledge-imports/{id}", started.get("id")).exchange()
                    .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
            result.clear();
            result.add(now);
            return "done".equals(now.get("status"));
        });
        return result.getFirst();
    }

    private void refused(String kind, String fileName, byte[] content, String code, String detail) {
        var problem = api.post().uri("/api/v1/knowledge-imports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(upload(kind, fileName, content)).exchange()
                .expectStatus().isBadRequest().expectBody(JSON).returnResult().getResponseBody();
        assertThat(problem).containsEntry("type", PROBLEMS + code);
        assertThat(problem.get("detail").toString()).contains(detail);
        assertThat(problem.get("errors").toString()).contains("field=file");
    }

    private static LinkedMultiValueMap<String, Object> upload(String kind, String fileName, byte[] content) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        headers.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName, StandardCharsets.UTF_8).build());
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("kind", kind);
        form.add("file", new HttpEntity<>(content, headers));
        return form;
    }

    private static Map<String, Object> post(RestTestClient client, String uri, Object body) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> done) {
        return (List<Map<String, Object>>) done.get("errors");
    }

    static List<CSVRecord> csv(byte[] content, Charset charset) {
        assertThat(content).startsWith(0xef, 0xbb, 0xbf);
        try (var parser = CSVFormat.RFC4180.parse(new InputStreamReader(
                new ByteArrayInputStream(content, 3, content.length - 3), charset))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> zipNames(byte[] zip) {
        var names = new ArrayList<String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return names;
    }
}
