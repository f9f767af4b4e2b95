package dev.xiaoer.knowledge.web;

import static dev.xiaoer.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The knowledge base over the REST API, as a shop's integration fills it. */
@IntegrationTest
class ArticleApiIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };
    private static final String PROBLEMS = "https://xiaoer.dev/problems/";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    RestTestClient api;

    @BeforeEach
    void client() {
        api = ApiClient.forToken(port, workspaces.create("Article API " + UUID.randomUUID()).token());
    }

    @Test
    void aClientWritesRevisesPublishesAndSearchesAnArticle() {
        var category = post("/api/v1/article-categories", json("name", "配送 Delivery"), 201);
        var created = post("/api/v1/articles", json("title", "How long does delivery take?", "body",
                "County towns: 3–5 days.", "language", "EN", "category", category.get("id"),
                "tags", List.of(" Delivery ", "delivery", "物流")), 201);
        assertThat(created).containsEntry("status", "draft").containsEntry("version", 1)
                .containsEntry("language", "en").containsEntry("slug", "how-long-does-delivery-take")
                .containsEntry("tags", List.of("delivery", "物流"));
        var id = created.get("id");

        var revised = api.put().uri("/api/v1/articles/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(json("title", "How long does delivery take?", "body", "County towns: 3–5 days. Villages: 5–7.",
                        "version", 1))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(revised).containsEntry("version", 2);
        var stale = api.put().uri("/api/v1/articles/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(json("title", "Overwrite", "body", "Lost?", "version", 1))
                .exchange().expectStatus().isEqualTo(412).expectBody(JSON).returnResult().getResponseBody();
        assertThat(stale).containsEntry("type", PROBLEMS + "article-changed-meanwhile");

        assertThat(search("villages")).isEmpty();
        post("/api/v1/articles/" + id + "/publish", json("version", 1), 412);
        assertThat(post("/api/v1/articles/" + id + "/publish", json("version", 2), 200)).containsEntry("status",
                "published");
        var hits = search("villages delivery");
        assertThat(hits).extracting(hit -> hit.get("id")).containsExactly(id);
        assertThat((String) hits.getFirst().get("snippet")).contains("<mark>Villages</mark>");
    }

    @Test
    void badArticlesAreRefusedWithTheFieldNamedAndNothingIsWritten() {
        for (var body : List.of(json("body", "No title", "language", "en"),
                json("title", "T", "language", "english please"),
                json("title", "T", "language", "en", "category", UUID.randomUUID()),
                json("title", "T", "language", "en", "translationOf", UUID.randomUUID()),
                json("title", "T".repeat(201), "language", "en"),
                json("title", "T", "language", "en", "tags", List.of("a,b")))) {
            var problem = post("/api/v1/articles", body, 400);
            assertThat(problem.get("type").toString()).startsWith(PROBLEMS);
            assertThat(problem).containsKey("errors");
        }
        var malformed = api.post().uri("/api/v1/articles").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": [1, 2]").exchange().expectStatus().isBadRequest().expectBody(JSON).returnResult()
                .getResponseBody();
        assertThat(malformed.get("type").toString()).startsWith(PROBLEMS);
        var list = api.get().uri("/api/v1/articles").exchange().expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
        assertThat((List<?>) list.get("items")).isEmpty();
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyWritesOneArticle() {
        var key = UUID.randomUUID().toString();
        var first = api.post().uri("/api/v1/articles").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(json("title", "Refunds", "language", "en"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        var again = api.post().uri("/api/v1/articles").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(json("title", "Refunds", "language", "en"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();

        assertThat(again.get("id")).isEqualTo(first.get("id"));
        var list = api.get().uri("/api/v1/articles").exchange().expectBody(JSON).returnResult().getResponseBody();
        assertThat((List<?>) list.get("items")).hasSize(1);
    }

    private Map<String, Object> post(String path, Object body, int status) {
        var request = api.post().uri(path);
        var spec = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).body(body);
        return spec.exchange().expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> search(String q) {
        return api.get().uri(uri -> uri.path("/api/v1/articles/search").queryParam("q", q).build())
                .exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }
}
