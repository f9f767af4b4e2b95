package dev.xiaoer.ticket;

import static dev.xiaoer.support.ApiClient.json;
import static dev.xiaoer.ticket.TicketApi.id;
import static dev.xiaoer.ticket.TicketApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class TicketApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    CustomerManagement customers;

    @Autowired
    JdbcClient jdbc;

    TestWorkspaces.TestWorkspace shop;
    TicketApi api;

    @BeforeEach
    void newWorkspace() {
        shop = workspaces.create("Green Valley Fruit");
        api = TicketApi.forToken(port, shop.token());
    }

    @Test
    void opensATicketWithItsFirstMessageForACustomerFoundByEmail() {
        var response = api.client.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .body(json("subject", "桃子到货时已经坏了", "body", "昨天收到的水果礼盒里有一半桃子已经坏了。",
                        "requester", json("email", "Wang.Fang@Example.com", "name", "王芳"),
                        "type", "after_sales", "priority", "high", "tags", List.of("Fresh-Fruit", "vip")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(TicketApi.JSON).returnResult();
        var ticket = response.getResponseBody();

        assertThat(response.getResponseHeaders().getLocation()).hasPath("/api/v1/tickets/" + ticket.get("id"));
        assertThat(ticket).containsEntry("number", 1001).containsEntry("status", "new")
                .containsEntry("type", "after_sales").containsEntry("priority", "high").containsEntry("channel", "api")
                .containsEntry("version", 1).containsEntry("assignee", null)
                .containsEntry("tags", List.of("fresh-fruit", "vip"));
        assertThat(map(ticket.get("requester"))).containsEntry("name", "王芳").containsKey("id");
        assertThat(Instant.parse((String) ticket.get("createdAt"))).isEqualTo(Instant.parse((String) ticket.get("updatedAt")));

        var timeline = api.timeline(id(ticket));
        assertThat(timeline).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("kind", "message").containsEntry("internal", false)
                    .containsEntry("body", "昨天收到的水果礼盒里有一半桃子已经坏了。");
            assertThat(map(entry.get("author"))).containsEntry("type", "customer").containsEntry("name", "王芳");
        });

        var second = api.create("wang.fang@example.com", "Another box");
        assertThat(second).containsEntry("number", 1002);
        assertThat(map(second.get("requester"))).containsEntry("id", map(ticket.get("requester")).get("id"));
    }

    @Test
    void opensATicketForAKnownCustomerByIdWithAFirstMessageFromTheAgent() {
        var first = api.create("li.na@example.com", "Fertilizer late");
        var customer = map(first.get("requester")).get("id");

        var ticket = api.create(json("subject", "Your replacement is on its way", "body", "We sent a new box today.",
                "requester", json("customerId", customer), "author", "agent", "channel", "phone"));

        assertThat(ticket).containsEntry("channel", "phone");
        assertThat(map(ticket.get("requester"))).containsEntry("id", customer).containsEntry("name", "li.na");
        assertThat(map(api.timeline(id(ticket)).getFirst().get("author"))).containsEntry("type", "api_token");
    }

    @Test
    void numbersTicketsPerWorkspaceFrom1001() {
        var other = TicketApi.forToken(port, workspaces.create("Another Shop").token());

        assertThat(api.create("a@example.com", "One")).containsEntry("number", 1001);
        assertThat(other.create("a@example.com", "One")).containsEntry("number", 1001);
        assertThat(api.create("a@example.com", "Two")).containsEntry("number", 1002);
        api.client.get().uri("/api/v1/tickets/by-number/1002").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.subject").isEqualTo("Two");
    }

    @Test
    void aWorkspaceWithTicketsFromBeforeNumberSequencesContinuesAfterItsHighestNumber() {
        var customer = customers.findOrCreate(shop.workspace().id(), ChannelIdentity.email("old@example.com"), "Old");
        jdbc.sql("""
                INSERT INTO tickets (id, workspace_id, number, subject, type, priority, status, channel, requester_id,
                                     created_at, updated_at, version)
                VALUES (?, ?, 4711, 'Imported', 'INQUIRY', 'NORMAL', 'OPEN', 'EMAIL', ?, ?, ?, 1)""")
                .params(UUID.randomUUID(), shop.workspace().id().value(), customer.id().value(),
                        OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC))
                .update();

        assertThat(api.create("a@example.com", "After the upgrade")).containsEntry("number", 4712);
        assertThat(api.create("a@example.com", "And the next")).containsEntry("number", 4713);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        var ticket = api.create("a@example.com", "Where is my parcel?");
        api.client.get().uri("/api/v1/tickets/{id}", ticket.get("id")).exchange()
                .expectHeader().valueEquals("ETag", "\"1\"");

        api.client.patch().uri("/api/v1/tickets/{id}", ticket.get("id")).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).body(json("priority", "urgent")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.priority").isEqualTo("urgent").jsonPath("$.version").isEqualTo(2);

        api.client.patch().uri("/api/v1/tickets/{id}", ticket.get("id")).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).body(json("priority", "low", "subject", "Overwritten")).exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/stale-ticket-version");

        assertThat(api.get(id(ticket))).containsEntry("priority", "urgent").containsEntry("version", 2)
                .containsEntry("subject", "Where is my parcel?");
        assertThat(api.timeline(id(ticket))).hasSize(2);
    }

    @Test
    void changesFieldsWithATimelineEntryForEachChange() {
        var ticket = api.create("a@example.com", "Where is my parcel?");

        var changed = api.patch(id(ticket), json("subject", "Parcel 88123 lost in transit", "type", "logistics",
                "priority", "high", "assignee", shop.admin().id().toString(), "tags", List.of("lost", "sf-express")));

        assertThat(changed).containsEntry("subject", "Parcel 88123 lost in transit").containsEntry("type", "logistics")
                .containsEntry("priority", "high").containsEntry("tags", List.of("lost", "sf-express"))
                .containsEntry("version", 2);
        assertThat(map(changed.get("assignee"))).containsEntry("id", shop.admin().id().toString());
        var entries = api.timeline(id(ticket));
        assertThat(entries).extracting(e -> e.get("kind")).containsExactly("message", "field_change", "field_change",
                "field_change", "assignment", "tags_change");
        assertThat(map(entries.get(1).get("change"))).containsEntry("field", "subject")
                .containsEntry("from", "Where is my parcel?").containsEntry("to", "Parcel 88123 lost in transit");
        assertThat(map(entries.get(4).get("change"))).containsEntry("field", "assignee")
                .containsEntry("to", shop.admin().id().toString())
                .containsEntry("toLabel", map(changed.get("assignee")).get("name"));
        assertThat(map(entries.get(5).get("change"))).containsEntry("from", "").containsEntry("to", "lost, sf-express");
        assertThat(map(entries.get(5).get("author"))).containsEntry("type", "api_token").containsEntry("name", "tests");

        var unassigned = api.patch(id(ticket), json("assignee", null));
        assertThat(unassigned).containsEntry("assignee", null).containsEntry("version", 3);

        var unchanged = api.patch(id(ticket), json("priority", "high"));
        assertThat(unchanged).containsEntry("version", 3);
        assertThat(api.timeline(id(ticket))).hasSize(7);
    }

    @Test
    void refusesAnAssigneeWhoIsNotAnAgentOfTheWorkspace() {
        var ticket = api.create("a@example.com", "Help");
        var stranger = workspaces.create("Elsewhere").admin().id().toString();

        api.tryPatch(id(ticket), json("assignee", stranger)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("assignee");
        api.tryPatch(id(ticket), json("assignee", "not-a-uuid")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("assignee");
        assertThat(api.get(id(ticket))).containsEntry("version", 1);
    }

    @Test
    void badInputIsA400NamingTheFieldAndCreatesNothing() {
        var valid = "{\"subject\": \"Hi\", \"body\": \"Hello\", \"requester\": {\"email\": \"a@example.com\"}}";
        assertBadRequest("{\"subject\": \"Hi\", \"body\": ", null);
        assertBadRequest(valid.replace("\"Hi\"", "{\"a\": 1}"), "subject");
        assertBadRequest(valid.replace("}}", "}, \"priority\": \"super-urgent\"}"), "priority");
        assertBadRequest(valid.replace("}}", "}, \"tags\": \"not-a-list\"}"), "tags");
        assertBadRequest(valid.replace("}}", "}, \"colour\": \"red\"}"), "colour");
        assertBadRequest(valid.replace("\"Hi\"", "\"" + "x".repeat(201) + "\""), "subject");
        assertBadRequest(valid.replace("\"subject\": \"Hi\", ", ""), "subject");
        assertBadRequest(valid.replace("\"Hello\"", "\"" + "y".repeat(20_001) + "\""), "body");
        assertBadRequest(valid.replace("\"Hello\"", "\"   \""), "body");
        assertBadRequest(valid.replace("{\"email\": \"a@example.com\"}", "{\"email\": \"a@example.com\", \"phone\": \"+86 138\"}"),
                "requester");
        assertBadRequest(valid.replace("{\"email\": \"a@example.com\"}", "{\"email\": \"not an address\"}"), "requester.email");
        assertBadRequest(valid.replace("{\"email\": \"a@example.com\"}", "{\"customerId\": \"" + UUID.randomUUID() + "\"}"),
                "requester.customerId");
        assertBadRequest(valid.replace("}}", "}, \"assignee\": \"" + UUID.randomUUID() + "\"}"), "assignee");
        assertBadRequest(valid.replace("}}", "}, \"tags\": [\"" + "t".repeat(51) + "\"]}"), "tags");
        assertBadRequest(valid.replace("}}", "}, \"customFields\": {\"nope\": \"x\"}}"), "customFields.nope");

        assertThat((List<?>) api.list("").get("items")).isEmpty();
        // Even refusals found only after the requester was looked up leave no customer behind.
        assertThat(customers.findByIdentity(shop.workspace().id(), ChannelIdentity.email("a@example.com"))).isEmpty();
        api.client.get().uri("/api/v1/tickets?limit=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        api.client.get().uri("/api/v1/tickets?status=sleeping").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        api.client.get().uri("/api/v1/tickets?cursor=garbage").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    private void assertBadRequest(String body, String field) {
        var response = api.client.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        if (field != null) {
            response.jsonPath("$.errors[0].field").isEqualTo(field);
        } else {
            response.jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/malformed-request");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void filtersTheListAndPagesThroughItWithCursors() {
        var agent = shop.admin().id().toString();
        var t1 = api.create(json("subject", "Spoiled peaches", "body", "Half the box is bad.", "type", "after_sales",
                "priority", "urgent", "tags", List.of("fresh-fruit"), "requester", json("email", "a@example.com")));
        var t2 = api.create(json("subject", "Fertilizer late", "body", "Still not here.", "type", "logistics",
                "requester", json("email", "b@example.com"), "assignee", agent));
        var t3 = api.create(json("subject", "How to apply fertilizer", "body", "Which dose?", "type", "inquiry",
                "priority", "low", "requester", json("phone", "+86 138 0013 8000")));
        api.status(id(t2), "pending");
        for (var i = 0; i < 4; i++) {
            api.create("c@example.com", "Filler " + i);
        }

        assertThat(api.numbers("status=pending")).containsExactly(1002L);
        assertThat(api.numbers("status=new&type=after_sales")).containsExactly(1001L);
        assertThat(api.numbers("assignee=" + agent)).containsExactly(1002L);
        assertThat(api.numbers("assignee=none")).hasSize(6).doesNotContain(1002L);
        assertThat(api.numbers("tag=Fresh-Fruit")).containsExactly(1001L);
        assertThat(api.numbers("priority=low")).containsExactly(1003L);
        assertThat(api.numbers("q=FERTILIZER")).containsExactlyInAnyOrder(1002L, 1003L);
        assertThat(api.numbers("q=1003")).containsExactly(1003L);
        api.client.get().uri("/api/v1/tickets?q={q}", "#1003").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].number").isEqualTo(1003);
        assertThat(api.numbers("requester=" + map(t3.get("requester")).get("id"))).containsExactly(1003L);
        assertThat(api.numbers("updated_since=" + t2.get("createdAt"))).contains(1002L).doesNotContain(1001L);

        // Most recently updated first; pages of two join up with nothing missing or repeated.
        var all = api.numbers("");
        assertThat(all).hasSize(7).first().isEqualTo(1007L);
        assertThat(all).containsExactly(1007L, 1006L, 1005L, 1004L, 1002L, 1003L, 1001L);
        assertThat(api.numbers("limit=2")).isEqualTo(all);
        var firstPage = api.list("limit=2");
        assertThat((List<Object>) firstPage.get("items")).hasSize(2);
        assertThat(firstPage.get("nextCursor")).isNotNull();
        assertThat(api.list("limit=100").get("nextCursor")).isNull();
        assertThat(t1).containsEntry("number", 1001);
    }

    @Test
    void customFieldsAreDefinedPerWorkspaceAndValidatedAgainstTheirType() {
        defineField(json("key", "order_number", "label", "订单号", "type", "text"));
        defineField(json("key", "weight_kg", "label", "Weight", "type", "number"));
        defineField(json("key", "delivery_date", "label", "Delivery date", "type", "date"));
        defineField(json("key", "region", "label", "Region", "type", "single_select", "options", List.of("north", "south")));
        api.client.post().uri("/api/v1/ticket-fields").contentType(MediaType.APPLICATION_JSON)
                .body(json("key", "region", "label", "Again", "type", "text")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/ticket-field-exists");
        api.client.post().uri("/api/v1/ticket-fields").contentType(MediaType.APPLICATION_JSON)
                .body(json("key", "size", "label", "Size", "type", "single_select")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("options");
        api.client.post().uri("/api/v1/ticket-fields").contentType(MediaType.APPLICATION_JSON)
                .body(json("key", "Bad Key", "label", "Size", "type", "text")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("key");
        api.client.post().uri("/api/v1/ticket-fields").contentType(MediaType.APPLICATION_JSON)
                .body(json("key", "colour", "label", "Colour", "type", "rainbow")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");

        var ticket = api.create(json("subject", "Heavy parcel", "body", "Where is it?",
                "requester", json("email", "a@example.com"),
                "customFields", json("order_number", "88123", "weight_kg", 12.5, "delivery_date", "2026-11-20",
                        "region", "north")));
        assertThat(map(ticket.get("customFields"))).containsEntry("order_number", "88123")
                .containsEntry("weight_kg", 12.5).containsEntry("delivery_date", "2026-11-20")
                .containsEntry("region", "north");

        api.tryPatch(id(ticket), json("customFields", json("weight_kg", "heavy"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("customFields.weight_kg");
        api.tryPatch(id(ticket), json("customFields", json("delivery_date", "20.11.2026"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("customFields.delivery_date");
        api.tryPatch(id(ticket), json("customFields", json("region", "east"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("customFields.region");
        api.tryPatch(id(ticket), json("customFields", json("region", true))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("customFields.region");
        api.tryPatch(id(ticket), json("customFields", json("unknown", "x"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("customFields.unknown");
        assertThat(api.get(id(ticket))).containsEntry("version", 1);

        var changed = api.patch(id(ticket), json("customFields", json("weight_kg", 13, "order_number", null)));
        assertThat(map(changed.get("customFields"))).containsEntry("weight_kg", 13).doesNotContainKey("order_number");
        assertThat(api.timeline(id(ticket))).extracting(e -> e.get("change") == null ? null : map(e.get("change")).get("field"))
                .containsExactly(null, "customFields.order_number", "customFields.weight_kg");

        var fields = api.client.get().uri("/api/v1/ticket-fields").exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(fields).hasSize(4);
        var other = TicketApi.forToken(port, workspaces.create("Other").token());
        other.client.get().uri("/api/v1/ticket-fields").exchange().expectBody().json("[]");
        other.client.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .body(json("subject", "x", "body", "y", "requester", json("email", "a@example.com"),
                        "customFields", json("region", "north"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("customFields.region");
    }

    private void defineField(Map<String, Object> field) {
        api.client.post().uri("/api/v1/ticket-fields").contentType(MediaType.APPLICATION_JSON).body(field).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.key").isEqualTo(field.get("key"));
    }

    @Test
    void anotherWorkspacesTicketsAreNotFoundAndNeverListed() {
        var other = TicketApi.forToken(port, workspaces.create("Rival Shop").token());
        var theirs = other.create("secret-customer@example.com", "Their private problem");
        other.create("secret-customer@example.com", "Their second problem");
        var mine = api.create("a@example.com", "My problem");
        var theirId = theirs.get("id");
        var field = other.client.post().uri("/api/v1/ticket-fields").contentType(MediaType.APPLICATION_JSON)
                .body(json("key", "secret", "label", "Secret", "type", "text")).exchange()
                .expectBody(TicketApi.JSON).returnResult().getResponseBody();

        api.client.get().uri("/api/v1/tickets/{id}", theirId).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/not-found");
        api.tryPatch(theirId, json("priority", "low")).expectStatus().isNotFound();
        api.client.post().uri("/api/v1/tickets/{id}/messages", theirId).contentType(MediaType.APPLICATION_JSON)
                .body(json("body", "hello")).exchange().expectStatus().isNotFound();
        api.client.post().uri("/api/v1/tickets/{id}/notes", theirId).contentType(MediaType.APPLICATION_JSON)
                .body(json("body", "hello")).exchange().expectStatus().isNotFound();
        api.client.get().uri("/api/v1/tickets/{id}/timeline", theirId).exchange().expectStatus().isNotFound();
        api.client.get().uri("/api/v1/tickets/{id}/attachments", theirId).exchange().expectStatus().isNotFound();
        api.client.post().uri("/api/v1/tickets/{id}/merge", mine.get("id")).contentType(MediaType.APPLICATION_JSON)
                .body(json("into", theirId)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/unknown-ticket")
                .jsonPath("$.errors[0].field").isEqualTo("into");
        api.client.post().uri("/api/v1/tickets/{id}/merge", theirId).contentType(MediaType.APPLICATION_JSON)
                .body(json("into", mine.get("id"))).exchange().expectStatus().isNotFound();
        api.client.get().uri("/api/v1/tickets/by-number/1002").exchange().expectStatus().isNotFound();
        api.client.get().uri("/api/v1/ticket-fields/{id}", field.get("id")).exchange().expectStatus().isNotFound();
        api.client.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .body(json("subject", "x", "body", "y", "requester", json("customerId", map(theirs.get("requester")).get("id"))))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("requester.customerId");

        assertThat(api.numbers("")).containsExactly(1001L);
        assertThat(api.numbers("q=private")).isEmpty();
        assertThat(api.numbers("q=1002")).isEmpty();
        assertThat(other.get(theirId)).containsEntry("version", 1);
    }
}
