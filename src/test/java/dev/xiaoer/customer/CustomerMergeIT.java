package dev.xiaoer.customer;

import static dev.xiaoer.customer.CustomerFixtures.createId;
import static dev.xiaoer.customer.CustomerFixtures.get;
import static dev.xiaoer.customer.CustomerFixtures.items;
import static dev.xiaoer.customer.CustomerFixtures.list;
import static dev.xiaoer.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.EventCapture;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class CustomerMergeIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    @Test
    void mergingMovesIdentitiesAndTagsKeepsTheTargetsProfileAndRecordsWhoAndWhen() {
        var shop = workspaces.create("Merge Orchard");
        var api = ApiClient.forToken(port, shop.token());
        var target = createId(api, json("name", "王芳", "email", "wang.fang@example.cn", "tier", "vip",
                "tags", List.of("fruit", "repeat-buyer")));
        var source = createId(api, json("name", "Fang W.", "email", "fangw@example.com", "phone", "+86 138 0013 8000",
                "language", "en", "tier", "regular", "notes", "Asked about mango boxes",
                "tags", List.of("fruit", "mango"),
                "identities", List.of(json("type", "wechat_openid", "value", "oFangWeChat"))));
        var before = clock.instant();

        try (var merged = EventCapture.of(context, CustomerMerged.class)) {
            var survivor = merge(api, target, source).expectStatus().isOk()
                    .expectBody(CustomerFixtures.JSON).returnResult().getResponseBody();

            assertThat(survivor).containsEntry("id", target).containsEntry("name", "王芳")
                    .containsEntry("email", "wang.fang@example.cn").containsEntry("tier", "vip")
                    .containsEntry("phone", "+8613800138000").containsEntry("language", "en")
                    .containsEntry("notes", "Asked about mango boxes")
                    .containsEntry("tags", List.of("fruit", "mango", "repeat-buyer"));
            assertThat(survivor.get("identities")).asInstanceOf(InstanceOfAssertFactories.LIST)
                    .containsExactlyInAnyOrder(json("type", "email", "value", "wang.fang@example.cn"),
                            json("type", "email", "value", "fangw@example.com"),
                            json("type", "phone", "value", "+8613800138000"),
                            json("type", "wechat_openid", "value", "oFangWeChat"));

            var workspace = shop.workspace().id();
            assertThat(merged.events()).filteredOn(e -> e.workspace().equals(workspace)).singleElement()
                    .satisfies(event -> {
                        assertThat(event.source().value()).hasToString(source);
                        assertThat(event.target().value()).hasToString(target);
                        assertThat(event.at()).isAfterOrEqualTo(before);
                    });
        }

        var record = get(api, target).get("mergedFrom");
        assertThat(record).asInstanceOf(InstanceOfAssertFactories.list(Map.class)).singleElement()
                .satisfies(merge -> {
                    assertThat(merge).containsEntry("customer", source).containsEntry("mergedByType", "api_token")
                            .containsEntry("mergedByName", "tests");
                    assertThat(Instant.parse((String) merge.get("mergedAt"))).isAfterOrEqualTo(before);
                });
        assertThat(customers.findByIdentity(shop.workspace().id(), new ChannelIdentity(IdentityType.WECHAT_OPENID,
                "oFangWeChat"))).contains(new CustomerId(UUID.fromString(target)));
        assertThat(items(list(api, ""))).extracting(c -> c.get("id")).containsExactly(target);
    }

    @Test
    void theMergedCustomerAnswersNotFoundWithTheSurvivorsId() {
        var api = ApiClient.forToken(port, workspaces.create("Merged Lookup Shop").token());
        var target = createId(api, json("name", "Target"));
        var source = createId(api, json("name", "Source"));
        merge(api, target, source).expectStatus().isOk();

        api.get().uri("/api/v1/customers/{id}", source).exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/customer-merged")
                .jsonPath("$.mergedInto").isEqualTo(target)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains(target));
        api.patch().uri("/api/v1/customers/{id}", source).contentType(MediaType.APPLICATION_JSON)
                .body(json("tier", "vip")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.mergedInto").isEqualTo(target);
    }

    @Test
    void aCustomerCannotBeMergedIntoItself() {
        var api = ApiClient.forToken(port, workspaces.create("Self Merge Shop").token());
        var id = createId(api, json("name", "Solo", "tags", List.of("keep")));

        merge(api, id, id).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/customer-merge-into-itself")
                .jsonPath("$.errors[0].field").isEqualTo("source");

        assertThat(get(api, id)).containsEntry("tags", List.of("keep")).containsEntry("mergedFrom", List.of());
    }

    @Test
    void anAlreadyMergedCustomerCanBeNeitherSourceNorTargetAgain() {
        var shop = workspaces.create("Double Merge Shop");
        var api = ApiClient.forToken(port, shop.token());
        var target = createId(api, json("name", "Survivor"));
        var source = createId(api, json("name", "Gone"));
        var third = createId(api, json("name", "Third", "tags", List.of("third")));
        merge(api, target, source).expectStatus().isOk();

        try (var merged = EventCapture.of(context, CustomerMerged.class)) {
            merge(api, third, source).expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/customer-already-merged");
            merge(api, source, third).expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/customer-already-merged");
            assertThat(merged.events()).filteredOn(e -> e.workspace().equals(shop.workspace().id())).isEmpty();
        }
        assertThat(get(api, third)).containsEntry("tags", List.of("third")).containsEntry("mergedFrom", List.of());
    }

    @Test
    void mergingAnUnknownOrMalformedSourceIsRefused() {
        var api = ApiClient.forToken(port, workspaces.create("Unknown Merge Shop").token());
        var target = createId(api, json("name", "Target"));

        merge(api, target, UUID.randomUUID().toString()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/unknown-customer")
                .jsonPath("$.errors[0].field").isEqualTo("source");
        api.post().uri("/api/v1/customers/{id}/merge", target).contentType(MediaType.APPLICATION_JSON)
                .body(json("source", "nope")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("source");
        api.post().uri("/api/v1/customers/{id}/merge", target).contentType(MediaType.APPLICATION_JSON)
                .body(json()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("source");
    }

    private static RestTestClient.ResponseSpec merge(RestTestClient api, String target, String source) {
        return api.post().uri("/api/v1/customers/{id}/merge", target).contentType(MediaType.APPLICATION_JSON)
                .body(json("source", source)).exchange();
    }
}
