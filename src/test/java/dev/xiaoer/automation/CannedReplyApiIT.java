package dev.xiaoer.automation;

import static dev.xiaoer.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Canned replies over the REST API, as an integration keeps them. */
@IntegrationTest
class CannedReplyApiIT {

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
        api = ApiClient.forToken(port, workspaces.create("API Orchard").token());
    }

    @Test
    void aClientCreatesReadsReplacesListsAndDeletesACannedReply() {
        var created = api.post().uri("/api/v1/canned-replies").contentType(MediaType.APPLICATION_JSON)
                .body(json("title", "发货延迟 / Delivery delay", "shortcut", "Delay", "texts", List.of(
                        json("language", "zh_cn", "text", "{{customer.name}}您好，工单 #{{ticket.number}} 的包裹延迟了。"),
                        json("language", "en", "text", "Hi {{customer.name}}, your parcel is late."))))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JSON).returnResult();
        var id = (String) created.getResponseBody().get("id");
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/v1/canned-replies/" + id);
        assertThat(created.getResponseBody()).containsEntry("shortcut", "delay")
                .containsEntry("texts", List.of(
                        Map.of("language", "zh-CN", "text", "{{customer.name}}您好，工单 #{{ticket.number}} 的包裹延迟了。"),
                        Map.of("language", "en", "text", "Hi {{customer.name}}, your parcel is late.")));

        api.put().uri("/api/v1/canned-replies/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(json("title", "Delivery delay", "texts", List.of(
                        json("language", "en", "text", "Hi {{customer.name}}, sorry for the wait."))))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Delivery delay")
                .jsonPath("$.shortcut").doesNotExist()
                .jsonPath("$.texts.length()").isEqualTo(1);
        api.get().uri("/api/v1/canned-replies/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.texts[0].text").isEqualTo("Hi {{customer.name}}, sorry for the wait.");
        api.get().uri("/api/v1/canned-replies?q=sorry").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(id).jsonPath("$.nextCursor").doesNotExist();

        api.delete().uri("/api/v1/canned-replies/{id}", id).exchange().expectStatus().isNoContent();
        api.get().uri("/api/v1/canned-replies/{id}", id).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void aTextWithAVariableThatDoesNotExistIsRefusedNamingTheTextAndTheVariablesThereAre() {
        api.post().uri("/api/v1/canned-replies").contentType(MediaType.APPLICATION_JSON)
                .body(json("title", "Order late", "texts", List.of(
                        json("language", "zh-CN", "text", "您好"),
                        json("language", "en", "text", "Your order {{order.number}} is late."))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "canned-reply-unknown-variable")
                .jsonPath("$.errors[0].field").isEqualTo("texts[1].text")
                .jsonPath("$.detail").isEqualTo("{{order.number}} is not a variable. Use one of: {{customer.name}},"
                        + " {{ticket.number}}, {{ticket.subject}}, {{agent.name}}.");
    }

    @Test
    void aMissingTitleOrALanguageGivenTwiceIsRefusedAtItsField() {
        api.post().uri("/api/v1/canned-replies").contentType(MediaType.APPLICATION_JSON)
                .body(json("texts", List.of(json("language", "en", "text", "Hello"))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
        api.post().uri("/api/v1/canned-replies").contentType(MediaType.APPLICATION_JSON)
                .body(json("title", "Twice", "texts", List.of(json("language", "en", "text", "Hello"),
                        json("language", "EN", "text", "Hello again"))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "canned-reply-language-repeated")
                .jsonPath("$.errors[0].field").isEqualTo("texts[1].language");
    }

    @Test
    void aTitleAnotherReplyHasIgnoringCaseIsAConflict() {
        var body = json("title", "Photo for a claim",
                "texts", List.of(json("language", "en", "text", "A photo, please.")));
        api.post().uri("/api/v1/canned-replies").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated();

        api.post().uri("/api/v1/canned-replies").contentType(MediaType.APPLICATION_JSON)
                .body(json("title", "PHOTO FOR A CLAIM", "texts", List.of(json("language", "en", "text", "Again."))))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "canned-reply-title-taken");
    }
}
