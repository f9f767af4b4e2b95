package dev.xiaoer.support;

import static dev.xiaoer.support.ApiClient.json;

import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.support.TestWorkspaces.TestWorkspace;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A workspace with one of every kind of resource the API offers, created through the REST API by
 * the workspace's own token, the way an integration would. Every name, e-mail and tag carries the
 * workspace's {@link #marker()}, so that a test can tell whether anything of it shows up elsewhere.
 */
public final class WorkspaceResources {

    private final TestWorkspace workspace;
    private final String marker;
    private final RestTestClient api;
    private final UUID tokenId;
    private final JsonNode team;
    private final JsonNode emptyTeam;
    private final JsonNode agent;
    private final JsonNode customer;
    private final JsonNode duplicate;
    private final JsonNode mergedAway;

    private WorkspaceResources(TestWorkspace workspace, String marker, RestTestClient api, UUID tokenId,
                               JsonNode team, JsonNode emptyTeam, JsonNode agent, JsonNode customer,
                               JsonNode duplicate, JsonNode mergedAway) {
        this.workspace = workspace;
        this.marker = marker;
        this.api = api;
        this.tokenId = tokenId;
        this.team = team;
        this.emptyTeam = emptyTeam;
        this.agent = agent;
        this.customer = customer;
        this.duplicate = duplicate;
        this.mergedAway = mergedAway;
    }

    public static WorkspaceResources create(int port, TestWorkspaces workspaces, IdentityManagement identity,
                                            String name) {
        var marker = "iso" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var workspace = workspaces.create(name + " " + marker);
        var api = ApiClient.forToken(port, workspace.token());
        var tokenId = identity.tokens(workspace.workspace().id()).getFirst().id();
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
        return new WorkspaceResources(workspace, marker, api, tokenId, team, emptyTeam, agent, customer, duplicate,
                mergedAway);
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

    public TestWorkspace workspace() {
        return workspace;
    }

    /** A text found in every name of this workspace's resources and nowhere else. */
    public String marker() {
        return marker;
    }

    /** A client with the workspace's read-write token. */
    public RestTestClient api() {
        return api;
    }

    public String tokenId() {
        return tokenId.toString();
    }

    /** A team with {@link #agent()} as its member. */
    public JsonNode team() {
        return team;
    }

    /** A team without members, which may be deleted. */
    public JsonNode emptyTeam() {
        return emptyTeam;
    }

    /** An agent in {@link #team()}. */
    public JsonNode agent() {
        return agent;
    }

    /** A customer with tags, an e-mail, a phone number and a WeChat identity, into which {@link #mergedAway()} was merged. */
    public JsonNode customer() {
        return customer;
    }

    /** A second customer, which may be merged into {@link #customer()}. */
    public JsonNode duplicate() {
        return duplicate;
    }

    /** A customer merged into {@link #customer()}: it answers 404 customer-merged to its own workspace. */
    public JsonNode mergedAway() {
        return mergedAway;
    }

    /** A WeChat openid of {@link #customer()}. */
    public String customerOpenId() {
        return "o" + marker;
    }

    /** Every id of this workspace that another workspace must never see. */
    public List<String> ids() {
        return List.of(workspace.workspace().id().value().toString(), workspace.admin().id().value().toString(),
                tokenId(), id(team), id(emptyTeam), id(agent), id(customer), id(duplicate), id(mergedAway));
    }
}
