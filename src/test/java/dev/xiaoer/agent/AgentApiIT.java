package dev.xiaoer.agent;

import static dev.xiaoer.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Role;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.EventCapture;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class AgentApiIT {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    IdentityManagement identity;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    AgentManagement agents;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    @Test
    void createsAnAgentWithAGeneratedPasswordThatIsShownOnce() {
        var api = ApiClient.forToken(port, workspaces.create("Green Valley Farm Supplies").token());
        var email = unique("li.na");

        var created = api.post().uri("/api/v1/agents").contentType(MediaType.APPLICATION_JSON)
                .body(json("email", email.toUpperCase(), "displayName", "李娜", "locale", "zh-CN",
                        "languages", List.of("zh_cn", "EN"), "categories", List.of("Fertilizer", "fruit"),
                        "capacity", 8))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/agents/[0-9a-f-]{36}")
                .expectBody(JSON).returnResult().getResponseBody();

        var password = (String) created.get("initialPassword");
        assertThat(password).hasSize(20);
        assertThat(passwords.matches(password, identity.passwordHash(email).orElseThrow())).isTrue();
        var agent = getAgent(api, (String) created.get("userId"));
        assertThat(agent).doesNotContainKey("initialPassword")
                .containsEntry("email", email).containsEntry("displayName", "李娜").containsEntry("role", "agent")
                .containsEntry("locale", "zh-CN").containsEntry("languages", List.of("en", "zh-CN"))
                .containsEntry("categories", List.of("fertilizer", "fruit")).containsEntry("capacity", 8)
                .containsEntry("status", "offline").containsEntry("statusChangedAt", null)
                .containsEntry("teams", List.of());
    }

    @Test
    void aGivenPasswordIsUsedAndNeverEchoed() {
        var api = ApiClient.forToken(port, workspaces.create("Given Password Shop").token());
        var email = unique("wang.lei");

        api.post().uri("/api/v1/agents").contentType(MediaType.APPLICATION_JSON)
                .body(json("email", email, "displayName", "Wang Lei", "password", "a long enough passphrase",
                        "role", "supervisor"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.initialPassword").doesNotExist()
                .jsonPath("$.role").isEqualTo("supervisor")
                .jsonPath("$.capacity").isEqualTo(5);

        assertThat(passwords.matches("a long enough passphrase", identity.passwordHash(email).orElseThrow())).isTrue();
    }

    @Test
    void anEmailThatAlreadyHasAUserIsAConflict() {
        var api = ApiClient.forToken(port, workspaces.create("Duplicate Agent Shop").token());
        var email = unique("zhao.min");
        createAgent(api, json("email", email, "displayName", "Zhao Min"));

        api.post().uri("/api/v1/agents").contentType(MediaType.APPLICATION_JSON)
                .body(json("email", email, "displayName", "Zhao Min again")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/email-already-registered");
    }

    @Test
    void badAgentInputIsRefusedNamingTheFieldAndCreatesNoUser() {
        var api = ApiClient.forToken(port, workspaces.create("Bad Agent Input Shop").token());
        var email = unique("bad");

        expectFieldError(api, json("displayName", "No Email"), "email");
        expectFieldError(api, json("email", "not-an-email", "displayName", "X"), "email");
        expectFieldError(api, json("email", email, "displayName", "x".repeat(121)), "displayName");
        expectFieldError(api, json("email", email, "displayName", "X", "password", "short"), "password");
        expectFieldError(api, json("email", email, "displayName", "X", "capacity", 0), "capacity");
        expectFieldError(api, json("email", email, "displayName", "X", "capacity", 51), "capacity");
        expectFieldError(api, json("email", email, "displayName", "X", "capacity", "many"), "capacity");
        expectFieldError(api, json("email", email, "displayName", "X", "languages", List.of("Chinese!")),
                "languages[0]");
        expectFieldError(api, json("email", email, "displayName", "X", "categories", List.of("x".repeat(61))),
                "categories[0]");
        expectFieldError(api, json("email", email, "displayName", "X", "role", "boss"), "role");
        expectFieldError(api, json("email", email, "displayName", "X", "role", "owner"), "role");
        expectFieldError(api, json("email", email, "displayName", "X", "role", "station_staff"), "role");
        expectFieldError(api, json("email", email, "displayName", "X", "shoeSize", 42), "shoeSize");
        api.post().uri("/api/v1/agents").contentType(MediaType.APPLICATION_JSON).body("{\"email\":").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/malformed-request");

        assertThat(identity.passwordHash(email)).isEmpty();
    }

    @Test
    void capacityStaysWithinOneToFifty() {
        var api = ApiClient.forToken(port, workspaces.create("Capacity Shop").token());
        var id = createAgent(api, json("email", unique("cap"), "displayName", "Cap", "capacity", 3));

        for (var capacity : List.of(0, 51, -1)) {
            api.patch().uri("/api/v1/agents/{id}", id).contentType(MediaType.APPLICATION_JSON)
                    .body(json("capacity", capacity, "status", "online")).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("capacity");
        }
        api.patch().uri("/api/v1/agents/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(json("capacity", 50)).exchange()
                .expectStatus().isOk();

        assertThat(getAgent(api, id)).containsEntry("capacity", 50).containsEntry("status", "offline");
    }

    @Test
    void aStatusChangeIsStampedAndAnnouncedOnce() {
        var shop = workspaces.create("Presence Shop");
        var api = ApiClient.forToken(port, shop.token());
        var id = createAgent(api, json("email", unique("presence"), "displayName", "Presence"));
        var before = clock.instant();

        try (var changes = EventCapture.of(context, AgentStatusChanged.class)) {
            for (int i = 0; i < 2; i++) {
                api.patch().uri("/api/v1/agents/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .body(json("status", "online")).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("online");
            }
            var firstChange = (String) getAgent(api, id).get("statusChangedAt");
            api.patch().uri("/api/v1/agents/{id}", id).contentType(MediaType.APPLICATION_JSON)
                    .body(json("status", "AWAY")).exchange()
                    .expectStatus().isOk();

            assertThat(Instant.parse(firstChange)).isAfterOrEqualTo(before);
            assertThat(changes.events()).filteredOn(e -> e.workspace().equals(shop.workspace().id()))
                    .extracting(AgentStatusChanged::userId, AgentStatusChanged::status)
                    .containsExactly(tuple(new UserId(UUID.fromString(id)), AgentStatus.ONLINE),
                            tuple(new UserId(UUID.fromString(id)), AgentStatus.AWAY));
        }
        api.patch().uri("/api/v1/agents/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(json("status", "busy")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        assertThat(getAgent(api, id)).containsEntry("status", "away");
    }

    @Test
    void listsAgentsFilteredByStatusTeamLanguageAndCategory() {
        var shop = workspaces.create("Filter Shop");
        var api = ApiClient.forToken(port, shop.token());
        var team = createTeam(api, json("name", "English desk"));
        var chen = createAgent(api, json("email", unique("chen"), "displayName", "A Chen", "languages",
                List.of("zh-CN"), "categories", List.of("fertilizer")));
        var ella = createAgent(api, json("email", unique("ella"), "displayName", "B Ella", "languages",
                List.of("en", "zh-TW"), "categories", List.of("fruit"), "teams", List.of(team)));
        workspaces.user(shop.workspace(), Role.STATION_STAFF);
        api.patch().uri("/api/v1/agents/{id}", ella).contentType(MediaType.APPLICATION_JSON)
                .body(json("status", "online")).exchange().expectStatus().isOk();

        assertThat(agentIds(api, "")).contains(chen, ella, shop.admin().id().toString()).hasSize(3);
        assertThat(agentIds(api, "status=online")).containsExactly(ella);
        assertThat(agentIds(api, "status=offline")).containsExactly(chen, shop.admin().id().toString());
        assertThat(agentIds(api, "language=zh")).containsExactly(chen, ella);
        assertThat(agentIds(api, "language=zh-cn")).containsExactly(chen);
        assertThat(agentIds(api, "team=" + team)).containsExactly(ella);
        assertThat(agentIds(api, "category=Fertilizer")).containsExactly(chen);
        api.get().uri("/api/v1/agents?status=sleeping").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        api.get().uri("/api/v1/agents?team=nope").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("team");
    }

    @Test
    void rolesChangeAmongAdminSupervisorAndAgentButNeverTheOwners() {
        var shop = workspaces.create("Role Shop");
        var api = ApiClient.forToken(port, shop.token());
        var id = createAgent(api, json("email", unique("role"), "displayName", "Role"));
        var owner = workspaces.user(shop.workspace(), Role.OWNER);
        var stationStaff = workspaces.user(shop.workspace(), Role.STATION_STAFF);

        api.patch().uri("/api/v1/agents/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(json("role", "supervisor")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("supervisor");
        assertThat(identity.member(shop.workspace().id(), new UserId(UUID.fromString(id))).orElseThrow().role())
                .isEqualTo(Role.SUPERVISOR);

        api.patch().uri("/api/v1/agents/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(json("role", "owner", "capacity", 9)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("role");
        api.patch().uri("/api/v1/agents/{id}", owner.id()).contentType(MediaType.APPLICATION_JSON)
                .body(json("role", "agent")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/agent-owner-role-protected");
        api.get().uri("/api/v1/agents/{id}", stationStaff.id()).exchange().expectStatus().isNotFound();

        assertThat(getAgent(api, id)).containsEntry("role", "supervisor").containsEntry("capacity", 5);
        assertThat(getAgent(api, owner.id().toString())).containsEntry("role", "owner");
    }

    @Test
    void onlyAdminsAmongSignedInUsersMayChangeRoles() {
        var shop = workspaces.create("Session Role Shop");
        var workspace = shop.workspace().id();
        var agent = workspaces.user(shop.workspace(), Role.AGENT);
        var supervisor = new Actor(Actor.Type.USER, workspaces.user(shop.workspace(), Role.SUPERVISOR).id().value(),
                "Supervisor", workspace, Role.SUPERVISOR);
        var admin = new Actor(Actor.Type.USER, shop.admin().id().value(), "Admin", workspace, Role.ADMIN);
        var promotion = new AgentChanges(null, null, null, null, Role.SUPERVISOR);

        assertThatThrownBy(() -> agents.update(workspace, agent.id(), promotion, supervisor))
                .isInstanceOf(RoleChangeForbidden.class);
        assertThatThrownBy(() -> agents.create(workspace, new NewAgent(unique("x"), "X", null, Role.AGENT, null,
                null, null, null, null), supervisor)).isInstanceOf(RoleChangeForbidden.class);
        assertThat(agents.update(workspace, agent.id(), promotion, admin).role()).isEqualTo(Role.SUPERVISOR);
    }

    private static void expectFieldError(RestTestClient api, Object body, String field) {
        api.post().uri("/api/v1/agents").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(List.class, fields ->
                        assertThat(fields).as("errors of %s", body).contains(field));
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@greenvalley.test";
    }

    static String createAgent(RestTestClient api, Map<String, Object> body) {
        return (String) api.post().uri("/api/v1/agents").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("userId");
    }

    static String createTeam(RestTestClient api, Map<String, Object> body) {
        return (String) api.post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    static Map<String, Object> getAgent(RestTestClient api, String id) {
        return api.get().uri("/api/v1/agents/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Object> agentIds(RestTestClient api, String query) {
        var page = api.get().uri("/api/v1/agents?" + query).exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(a -> a.get("userId")).toList();
    }
}
