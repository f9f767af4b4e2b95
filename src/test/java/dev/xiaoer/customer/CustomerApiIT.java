package dev.xiaoer.customer;

import static dev.xiaoer.customer.CustomerFixtures.JSON;
import static dev.xiaoer.customer.CustomerFixtures.create;
import static dev.xiaoer.customer.CustomerFixtures.createId;
import static dev.xiaoer.customer.CustomerFixtures.fruitBuyer;
import static dev.xiaoer.customer.CustomerFixtures.get;
import static dev.xiaoer.customer.CustomerFixtures.items;
import static dev.xiaoer.customer.CustomerFixtures.list;
import static dev.xiaoer.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class CustomerApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    RestTestClient apiOf(String workspaceName) {
        return ApiClient.forToken(port, workspaces.create(workspaceName).token());
    }

    @Test
    void createsACustomerWithIdentitiesAndReadsItBackNormalised() {
        var api = apiOf("Green Valley Orchard");

        var created = api.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                .body(json("name", " 王芳 ", "email", "Wang.Fang@Example.CN", "phone", "+86 138-0013-8000",
                        "language", "zh_CN", "tier", "VIP", "tags", List.of("Fruit", "repeat-buyer", "fruit "),
                        "notes", "送货请在 18:00 之后",
                        "identities", List.of(json("type", "wechat_openid", "value", "oX8Fk5Wc2pQ0m9Yl3bZrT7uVnE4s"))))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/customers/[0-9a-f-]{36}")
                .expectBody(JSON).returnResult().getResponseBody();

        var customer = get(api, (String) created.get("id"));
        assertThat(customer).containsEntry("name", "王芳").containsEntry("email", "wang.fang@example.cn")
                .containsEntry("phone", "+8613800138000").containsEntry("language", "zh-CN")
                .containsEntry("tier", "vip").containsEntry("notes", "送货请在 18:00 之后")
                .containsEntry("tags", List.of("fruit", "repeat-buyer"));
        assertThat(customer.get("identities")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder(json("type", "email", "value", "wang.fang@example.cn"),
                        json("type", "phone", "value", "+8613800138000"),
                        json("type", "wechat_openid", "value", "oX8Fk5Wc2pQ0m9Yl3bZrT7uVnE4s"));
    }

    @Test
    void anIdentityHeldByAnotherCustomerIsRefusedByNameAndNothingIsWritten() {
        var api = apiOf("Duplicate Check Shop");
        var first = createId(api, fruitBuyer("li.lei@example.cn"));

        api.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                .body(json("name", "Li Lei (again)", "phone", "+86 139 0000 0001",
                        "identities", List.of(json("type", "email", "value", "LI.LEI@example.cn"))))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/customer-identity-in-use")
                .jsonPath("$.detail").value(String.class, detail ->
                        assertThat(detail).contains("li.lei@example.cn").contains(first));

        assertThat(items(list(api, "q=139"))).isEmpty();
        assertThat(items(list(api, ""))).hasSize(1);
    }

    @Test
    void theSameEmailMayBelongToACustomerInEachOfTwoWorkspaces() {
        var shopA = apiOf("Shop A");
        var shopB = apiOf("Shop B");

        var inA = createId(shopA, fruitBuyer("shared@example.com"));
        var inB = createId(shopB, fruitBuyer("shared@example.com"));

        assertThat(inA).isNotEqualTo(inB);
        assertThat(get(shopB, inB)).containsEntry("email", "shared@example.com");
    }

    @Test
    void aPartialUpdateChangesOnlyTheFieldsGivenAndEmptyClears() {
        var api = apiOf("Partial Update Shop");
        var id = createId(api, json("name", "张伟", "email", "zhang.wei@example.cn", "tier", "regular",
                "notes", "Allergic to peanuts", "tags", List.of("fertilizer")));

        api.patch().uri("/api/v1/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(json("tier", "VIP", "notes", "", "language", null, "tags", List.of("fertilizer", "seeds")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.tier").isEqualTo("vip");

        var customer = get(api, id);
        assertThat(customer).containsEntry("name", "张伟").containsEntry("email", "zhang.wei@example.cn")
                .containsEntry("tier", "vip").containsEntry("notes", null)
                .containsEntry("tags", List.of("fertilizer", "seeds"));
    }

    @Test
    void aNewEmailBecomesAnIdentityUnlessAnotherCustomerHasIt() {
        var api = apiOf("Email Change Shop");
        var id = createId(api, fruitBuyer("old@example.com"));
        createId(api, fruitBuyer("taken@example.com"));

        api.patch().uri("/api/v1/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(json("email", "new@example.com")).exchange()
                .expectStatus().isOk();
        assertThat(get(api, id).get("identities")).asString()
                .contains("old@example.com").contains("new@example.com");

        api.patch().uri("/api/v1/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(json("email", "taken@example.com", "tier", "vip")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/customer-identity-in-use");
        assertThat(get(api, id)).containsEntry("email", "new@example.com").containsEntry("tier", null);
    }

    @Test
    void listsNewestFirstAndFiltersByTextTagAndTier() {
        var api = apiOf("Search Shop");
        var anna = createId(api, json("name", "Anna Schmidt", "email", "anna@example.de", "tier", "vip",
                "tags", List.of("cross-border")));
        var wang = createId(api, json("name", "王小明", "phone", "+86 138 0013 8000", "tags", List.of("fruit")));
        var li = createId(api, json("name", "李娜", "email", "li.na@example.cn", "tier", "VIP",
                "tags", List.of("fruit", "cross-border")));

        assertThat(ids(list(api, ""))).containsExactly(li, wang, anna);
        assertThat(ids(api.get().uri("/api/v1/customers?q={q}", "小明").exchange()
                .expectBody(JSON).returnResult().getResponseBody())).containsExactly(wang);
        assertThat(ids(list(api, "q=ANNA@"))).containsExactly(anna);
        assertThat(ids(list(api, "q=138 0013"))).containsExactly(wang);
        assertThat(ids(list(api, "tag=fruit"))).containsExactly(li, wang);
        assertThat(ids(list(api, "tier=vip&tag=cross-border"))).containsExactly(li, anna);
        assertThat(ids(api.get().uri("/api/v1/customers?q={q}", "%").exchange()
                .expectBody(JSON).returnResult().getResponseBody())).as("%% is searched for, not a wildcard").isEmpty();
    }

    @Test
    void pagesThroughEveryCustomerOnceWithCursors() {
        var api = apiOf("Paging Shop");
        for (int i = 0; i < 7; i++) {
            createId(api, json("name", "Customer " + i));
        }

        var seen = new ArrayList<Map<String, Object>>();
        String cursor = null;
        int pages = 0;
        do {
            var page = list(api, "limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(items(page));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(c -> c.get("name"))
                .containsExactly("Customer 6", "Customer 5", "Customer 4", "Customer 3", "Customer 2", "Customer 1",
                        "Customer 0");
        assertThat(seen).extracting(c -> (String) c.get("createdAt")).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void aTamperedCursorOrBadLimitIsRefusedByName() {
        var api = apiOf("Cursor Shop");
        api.get().uri("/api/v1/customers?cursor=not-a-cursor").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        api.get().uri("/api/v1/customers?limit=500").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        api.get().uri("/api/v1/customers?q=" + "x".repeat(201)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void identitiesAreAddedOnceAndRemovedByTypeAndValue() {
        var api = apiOf("Identity Shop");
        var id = createId(api, json("name", "Chen Jie"));
        var openid = json("type", "wechat_openid", "value", "oWx-chen-jie");

        for (int i = 0; i < 2; i++) {
            api.post().uri("/api/v1/customers/{id}/identities", id).contentType(MediaType.APPLICATION_JSON)
                    .body(openid).exchange()
                    .expectStatus().isCreated()
                    .expectBody().jsonPath("$.identities.length()").isEqualTo(1);
        }
        api.post().uri("/api/v1/customers/{id}/identities", id).contentType(MediaType.APPLICATION_JSON)
                .body(json("type", "email", "value", "Chen.Jie@Example.com")).exchange()
                .expectStatus().isCreated();

        api.delete().uri("/api/v1/customers/{id}/identities/email/{value}", id, "chen.jie@example.com").exchange()
                .expectStatus().isNoContent();
        api.delete().uri("/api/v1/customers/{id}/identities/email/{value}", id, "chen.jie@example.com").exchange()
                .expectStatus().isNotFound();
        api.delete().uri("/api/v1/customers/{id}/identities/fax/{value}", id, "123").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");

        assertThat(get(api, id).get("identities")).isEqualTo(List.of(openid));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        var api = apiOf("Bad Input Shop");

        expectFieldError(api, "{\"email\": \"a@example.com\"}", "name");
        expectFieldError(api, "{\"name\": \"   \"}", "name");
        expectFieldError(api, json("name", "x".repeat(201)), "name");
        expectFieldError(api, json("name", "Ok", "notes", "x".repeat(4001)), "notes");
        expectFieldError(api, json("name", "Ok", "tier", "x".repeat(41)), "tier");
        expectFieldError(api, json("name", "Ok", "email", "not-an-email"), "email");
        expectFieldError(api, json("name", "Ok", "phone", "call me"), "phone");
        expectFieldError(api, json("name", "Ok", "phone", "+"), "phone");
        expectFieldError(api, json("name", "Ok", "language", "Chinese please"), "language");
        expectFieldError(api, json("name", "Ok", "tags", List.of("x".repeat(61))), "tags[0]");
        expectFieldError(api, json("name", "Ok", "identities", List.of(json("type", "fax", "value", "1"))),
                "identities[0].type");
        expectFieldError(api, json("name", "Ok", "identities", List.of(json("type", "email", "value", "nobody"))),
                "identities[0].value");
        expectFieldError(api, json("name", "Ok", "identities",
                List.of(json("type", "external", "value", "x".repeat(255)))), "identities[0].value");
        expectFieldError(api, json("name", "Ok", "nickname", "Fang"), "nickname");
        expectFieldError(api, json("name", List.of("not", "text")), "name");

        api.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"Ok\",")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/malformed-request");

        assertThat(items(list(api, ""))).isEmpty();
    }

    @Test
    void aBadPartialUpdateChangesNothing() {
        var api = apiOf("Bad Update Shop");
        var id = createId(api, json("name", "Zhou Xun", "tier", "regular"));

        for (var body : List.<Object>of(json("tier", "vip", "name", ""), json("tier", "vip", "notes", "x".repeat(4001)),
                json("tier", "vip", "email", "nope"), json("tier", "vip", "colour", "red"))) {
            api.patch().uri("/api/v1/customers/{id}", id).contentType(MediaType.APPLICATION_JSON).body(body)
                    .exchange()
                    .expectStatus().isBadRequest();
        }
        api.patch().uri("/api/v1/customers/not-a-uuid").contentType(MediaType.APPLICATION_JSON).body(json())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");

        assertThat(get(api, id)).containsEntry("name", "Zhou Xun").containsEntry("tier", "regular");
    }

    @Test
    void aTokenNeverSeesNorTouchesTheCustomersOfAnotherWorkspace() {
        var mine = apiOf("My Shop");
        var theirs = apiOf("Their Shop");
        var own = createId(mine, fruitBuyer("mine@example.com"));
        var foreign = createId(theirs, json("name", "Secret Buyer", "email", "secret@example.com",
                "identities", List.of(json("type", "external", "value", "shop-42"))));

        mine.get().uri("/api/v1/customers/{id}", foreign).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/not-found");
        mine.patch().uri("/api/v1/customers/{id}", foreign).contentType(MediaType.APPLICATION_JSON)
                .body(json("name", "Stolen")).exchange().expectStatus().isNotFound();
        mine.post().uri("/api/v1/customers/{id}/identities", foreign).contentType(MediaType.APPLICATION_JSON)
                .body(json("type", "external", "value", "shop-43")).exchange().expectStatus().isNotFound();
        mine.delete().uri("/api/v1/customers/{id}/identities/external/shop-42", foreign).exchange()
                .expectStatus().isNotFound();
        mine.post().uri("/api/v1/customers/{id}/merge", own).contentType(MediaType.APPLICATION_JSON)
                .body(json("source", foreign)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/unknown-customer")
                .jsonPath("$.errors[0].field").isEqualTo("source");
        mine.post().uri("/api/v1/customers/{id}/merge", foreign).contentType(MediaType.APPLICATION_JSON)
                .body(json("source", own)).exchange().expectStatus().isNotFound();

        assertThat(ids(list(mine, ""))).containsExactly(own);
        assertThat(ids(list(mine, "q=secret"))).isEmpty();
        var untouched = get(theirs, foreign);
        assertThat(untouched).containsEntry("name", "Secret Buyer");
        assertThat(untouched.get("identities")).asString().contains("shop-42").doesNotContain("shop-43");
        assertThat(get(mine, own).get("identities")).asString().doesNotContain("shop-42");
    }

    private static void expectFieldError(RestTestClient api, Object body, String field) {
        api.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(List.class, fields ->
                        assertThat(fields).as("errors of %s", body).contains(field));
    }

    private static List<Object> ids(Map<String, Object> page) {
        return items(page).stream().map(c -> c.get("id")).toList();
    }
}
