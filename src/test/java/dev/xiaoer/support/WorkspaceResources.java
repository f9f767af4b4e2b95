package dev.xiaoer.support;

import static dev.xiaoer.support.ApiClient.json;
import static org.awaitility.Awaitility.await;

import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.support.TestWorkspaces.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * A workspace with one of every kind of resource the API offers, created through the REST API by
 * the workspace's own token, the way an integration would. Every name, e-mail, tag and text carries
 * the workspace's {@code marker}, so that a test can tell whether anything of it shows up elsewhere.
 * Resources are JSON as the API returned them.
 *
 * @param marker a text in every name of this workspace's resources and nowhere else
 * @param api a client with the workspace's read-write token
 * @param team a team with {@code agent} as its member
 * @param emptyTeam a team without members, which may be deleted
 * @param agent an agent in {@code team}
 * @param customer a customer with tags, an e-mail, a phone number and a WeChat identity, into which
 *     {@code mergedAway} was merged
 * @param duplicate a second customer, which may be merged into {@code customer}
 * @param mergedAway a customer merged into {@code customer}: its own workspace gets 404 customer-merged
 * @param ticketField a text field that {@code ticket} has a value in
 * @param ticket a ticket of {@code customer}, assigned to {@code agent} and {@code team}, with a reply,
 *     a note and {@code attachment}
 * @param otherTicket a ticket of {@code duplicate}, which {@code ticket} may be merged into
 * @param threadTicket a ticket opened by an inbound e-mail of {@code customer} in thread {@link #thread()}
 * @param attachment a text file attached to {@code ticket}
 * @param cannedReply a canned reply in Chinese and English, with a shortcut
 * @param category a category of the help center
 * @param article a draft article of the knowledge base, in Chinese, in {@code category}
 * @param faq an FAQ entry linked to {@code article}
 * @param decision the assistant's answer with {@code faq}, chosen by a customer
 * @param knowledgeImport an import of a CSV file with one FAQ entry
 */
public record WorkspaceResources(TestWorkspace workspace, String marker, RestTestClient api, String tokenId,
                                 JsonNode team, JsonNode emptyTeam, JsonNode agent, JsonNode customer,
                                 JsonNode duplicate, JsonNode mergedAway, JsonNode ticketField, JsonNode ticket,
                                 JsonNode otherTicket, JsonNode threadTicket, JsonNode attachment,
                                 JsonNode cannedReply, JsonNode category, JsonNode article,
                                 JsonNode faq, JsonNode decision, JsonNode knowledgeImport) {

    public static WorkspaceResources create(int port, TestWorkspaces workspaces, IdentityManagement identity,
                                            String name) {
        return create(port, workspaces, identity, name, 0);
    }

    /**
     * With {@code ticketsBefore} tickets opened first, so that this workspace's ticket numbers
     * (which every workspace counts from #1001) are ones another workspace does not have.
     */
    public static WorkspaceResources create(int port, TestWorkspaces workspaces, IdentityManagement identity,
                                            String name, int ticketsBefore) {
        var marker = "iso" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var workspace = workspaces.create(name + " " + marker);
        var api = ApiClient.forToken(port, workspace.token());
        var tokenId = identity.tokens(workspace.workspace().id()).getFirst().id().toString();
        var team = send(api, HttpMethod.POST, "/api/v1/teams", json("name", "Team " + marker,
                "description", "Orders of " + marker));
        var emptyTeam = send(api, HttpMethod.POST, "/api/v1/teams", json("name", "Spare team " + marker));
        var agent = send(api, HttpMethod.POST, "/api/v1/agents", json("email", "agent." + marker + "@example.test",
                "displayName", "Agent " + marker, "languages", List.of("zh-CN"), "categories", List.of(marker),
                "teams", List.of(id(team))));
        var customer = send(api, HttpMethod.POST, "/api/v1/customers", json("name", "Customer " + marker,
                "email", "customer." + marker + "@example.test", "phone", phone(), "tier", "vip",
                "tags", List.of(marker), "notes", "Notes of " + marker,
                "identities", List.of(json("type", "wechat_openid", "value", "o" + marker))));
        var duplicate = send(api, HttpMethod.POST, "/api/v1/customers", json("name", "Duplicate " + marker,
                "email", "duplicate." + marker + "@example.test"));
        var mergedAway = send(api, HttpMethod.POST, "/api/v1/customers", json("name", "Merged " + marker,
                "email", "merged." + marker + "@example.test"));
        send(api, HttpMethod.POST, "/api/v1/customers/" + id(customer) + "/merge", json("source", id(mergedAway)));
        customer = send(api, HttpMethod.GET, "/api/v1/customers/" + id(customer), null);

        var ticketField = send(api, HttpMethod.POST, "/api/v1/ticket-fields", json("key", "order_" + marker,
                "label", "Order of " + marker, "type", "text"));
        for (int i = 0; i < ticketsBefore; i++) {
            send(api, HttpMethod.POST, "/api/v1/tickets", json("subject", "Earlier ticket " + marker,
                    "body", "Earlier question of " + marker, "requester", json("customerId", id(duplicate))));
        }
        var ticket = send(api, HttpMethod.POST, "/api/v1/tickets", json("subject", "Spoiled peaches " + marker,
                "body", "Half of the peaches of " + marker + " arrived spoiled.",
                "requester", json("customerId", id(customer)), "assignee", id(agent), "team", id(team),
                "type", "after_sales", "tags", List.of(marker),
                "customFields", Map.of(ticketField.path("key").asString(), "88123-" + marker)));
        send(api, HttpMethod.POST, "/api/v1/tickets/" + id(ticket) + "/messages",
                json("body", "Sorry! A refund for " + marker + " is on its way."));
        send(api, HttpMethod.POST, "/api/v1/tickets/" + id(ticket) + "/notes", json("body", "Courier of " + marker));
        var attachment = OpenApiDocument.parse(api.post().uri("/api/v1/tickets/{id}/attachments", id(ticket))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(textFile("receipt-" + marker + ".txt", "Receipt of " + marker)).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        ticket = send(api, HttpMethod.GET, "/api/v1/tickets/" + id(ticket), null);
        var otherTicket = send(api, HttpMethod.POST, "/api/v1/tickets", json("subject", "Late fertilizer " + marker,
                "body", "The fertilizer of " + marker + " has not arrived.",
                "requester", json("customerId", id(duplicate))));
        var inbound = send(api, HttpMethod.POST, "/api/v1/inbound-messages", json("channel", "email",
                "from", json("email", customer.path("email").asString()), "subject", "Parcel " + marker,
                "body", "Where is the parcel of " + marker + "?", "externalThreadId", "thread-" + marker));
        var threadTicket = send(api, HttpMethod.GET, "/api/v1/tickets/" + inbound.path("ticketId").asString(), null);
        var cannedReply = send(api, HttpMethod.POST, "/api/v1/canned-replies", json("title", "Delay " + marker,
                "shortcut", marker, "texts", List.of(
                        json("language", "zh-CN", "text", "{{customer.name}}您好，" + marker + " 的包裹延迟了。"),
                        json("language", "en", "text", "Hi {{customer.name}}, " + marker + "'s parcel is late."))));
        var category = send(api, HttpMethod.POST, "/api/v1/article-categories", json("name", "配送 " + marker));
        var article = send(api, HttpMethod.POST, "/api/v1/articles", json("title", "到货时间 " + marker,
                "body", marker + " 的包裹三到五天送达。", "language", "zh-CN", "category", id(category)));
        var faq = send(api, HttpMethod.POST, "/api/v1/faqs", json("language", "zh-CN", "question", marker + " 多久到货？",
                "answer", "三到五天。", "phrasings", List.of(marker + " 什么时候到"), "article", id(article)));
        var decision = send(api, HttpMethod.POST, "/api/v1/assistant/decisions",
                json("chosen", id(faq), "conversation", "chat-" + marker));
        var knowledgeImport = OpenApiDocument.parse(api.post().uri("/api/v1/knowledge-imports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(faqFile("faqs-" + marker + ".csv", "question,answer\n" + marker + " 包邮吗？,满 99 元包邮。\n"))
                .exchange().expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());
        // Done before anyone looks: the walk compares the workspace before and after, and a running import changes it.
        var importUri = "/api/v1/knowledge-imports/" + id(knowledgeImport);
        await().atMost(Duration.ofSeconds(30)).until(() -> send(api, HttpMethod.GET, importUri, null)
                .path("status").asString().equals("done"));
        knowledgeImport = send(api, HttpMethod.GET, importUri, null);
        return new WorkspaceResources(workspace, marker, api, tokenId, team, emptyTeam, agent, customer, duplicate,
                mergedAway, ticketField, ticket, otherTicket, threadTicket, attachment, cannedReply, category,
                article, faq, decision, knowledgeImport);
    }

    /** A multipart form importing FAQ entries from the CSV text, as an upload sends it. */
    public static MultiValueMap<String, Object> faqFile(String name, String csv) {
        var form = textFile(name, csv);
        form.add("kind", "faqs");
        return form;
    }

    /** A multipart form with a plain text file in its part {@code file}, as an upload sends it. */
    public static MultiValueMap<String, Object> textFile(String name, String content) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        headers.setContentDisposition(ContentDisposition.formData().name("file").filename(name).build());
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new HttpEntity<>(content.getBytes(StandardCharsets.UTF_8), headers));
        return form;
    }

    private static JsonNode send(RestTestClient api, HttpMethod method, String uri, Object body) {
        var request = api.method(method).uri(uri);
        var response = body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
        var text = response.expectStatus().is2xxSuccessful()
                .expectBody(String.class).returnResult().getResponseBody();
        return OpenApiDocument.parse(text);
    }

    private static String phone() {
        return String.format(Locale.ROOT, "+86 139 %04d %04d", ThreadLocalRandom.current().nextInt(10_000),
                ThreadLocalRandom.current().nextInt(10_000));
    }

    /** The {@code id} (or, for agents, {@code userId}) of a resource as the API returned it. */
    public static String id(JsonNode resource) {
        return resource.has("id") ? resource.path("id").asString() : resource.path("userId").asString();
    }

    /** A WeChat openid of {@link #customer()}. */
    public String customerOpenId() {
        return "o" + marker;
    }

    /** The conversation id, on the sender's side, of {@link #threadTicket()}. */
    public String thread() {
        return "thread-" + marker;
    }

    /** Every id of this workspace that another workspace must never see. */
    public List<String> ids() {
        return List.of(workspace.workspace().id().value().toString(), workspace.admin().id().value().toString(),
                tokenId, id(team), id(emptyTeam), id(agent), id(customer), id(duplicate), id(mergedAway),
                id(ticketField), id(ticket), id(otherTicket), id(threadTicket), id(attachment), id(cannedReply),
                id(category), id(article), id(faq), id(decision), id(knowledgeImport));
    }
}
