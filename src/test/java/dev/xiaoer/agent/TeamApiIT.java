package dev.xiaoer.agent;

import static dev.xiaoer.agent.AgentApiIT.JSON;
import static dev.xiaoer.agent.AgentApiIT.createAgent;
import static dev.xiaoer.agent.AgentApiIT.createTeam;
import static dev.xiaoer.agent.AgentApiIT.getAgent;
import static dev.xiaoer.agent.AgentApiIT.unique;
import static dev.xiaoer.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class TeamApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void createsRenamesAndListsTeamsWithUniqueNames() {
        var api = ApiClient.forToken(port, workspaces.create("Team Shop").token());
        var afterSales = createTeam(api, json("name", " 售后组 After-sales ", "description", "Refunds and reshipments"));
        createTeam(api, json("name", "Logistics"));

        api.post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON)
                .body(json("name", "LOGISTICS")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/team-name-taken");
        api.patch().uri("/api/v1/teams/{id}", afterSales).contentType(MediaType.APPLICATION_JSON)
                .body(json("name", "logistics")).exchange()
                .expectStatus().isEqualTo(409);
        api.patch().uri("/api/v1/teams/{id}", afterSales).contentType(MediaType.APPLICATION_JSON)
                .body(json("name", "After-sales", "description", "")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("After-sales").jsonPath("$.description").isEmpty();

        assertThat(teams(api)).extracting(t -> t.get("name")).containsExactly("After-sales", "Logistics");
    }

    @Test
    void membersJoinOnceShowOnTheirAgentAndLeave() {
        var api = ApiClient.forToken(port, workspaces.create("Membership Shop").token());
        var team = createTeam(api, json("name", "Fruit desk"));
        var agent = createAgent(api, json("email", unique("fruit"), "displayName", "Fruit Agent"));

        for (int i = 0; i < 2; i++) {
            api.put().uri("/api/v1/teams/{id}/members/{user}", team, agent).exchange().expectStatus().isNoContent();
        }
        api.get().uri("/api/v1/teams/{id}", team).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.memberCount").isEqualTo(1)
                .jsonPath("$.members[0].userId").isEqualTo(agent)
                .jsonPath("$.members[0].displayName").isEqualTo("Fruit Agent")
                .jsonPath("$.members[0].status").isEqualTo("offline");
        assertThat(getAgent(api, agent).get("teams")).isEqualTo(List.of(json("id", team, "name", "Fruit desk")));

        api.delete().uri("/api/v1/teams/{id}/members/{user}", team, agent).exchange().expectStatus().isNoContent();
        api.delete().uri("/api/v1/teams/{id}/members/{user}", team, agent).exchange().expectStatus().isNotFound();
        assertThat(getAgent(api, agent).get("teams")).isEqualTo(List.of());
    }

    @Test
    void aTeamCanBeCreatedWithMembersAndAnAgentWithTeams() {
        var api = ApiClient.forToken(port, workspaces.create("Founding Shop").token());
        var first = createAgent(api, json("email", unique("first"), "displayName", "First"));
        var team = createTeam(api, json("name", "Founders", "members", List.of(first, first)));
        var second = createAgent(api, json("email", unique("second"), "displayName", "Second", "teams", List.of(team)));

        api.get().uri("/api/v1/teams/{id}", team).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.members[*].userId").value(List.class, ids ->
                        assertThat(ids).containsExactlyInAnyOrder(first, second));
    }

    @Test
    void aTeamWithMembersIsNotDeletedUntilItIsEmpty() {
        var api = ApiClient.forToken(port, workspaces.create("Delete Team Shop").token());
        var agent = createAgent(api, json("email", unique("member"), "displayName", "Member"));
        var team = createTeam(api, json("name", "Night shift", "members", List.of(agent)));

        api.delete().uri("/api/v1/teams/{id}", team).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/team-has-members")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("1"));
        assertThat(getAgent(api, agent).get("teams")).asString().contains("Night shift");

        api.delete().uri("/api/v1/teams/{id}/members/{user}", team, agent).exchange().expectStatus().isNoContent();
        api.delete().uri("/api/v1/teams/{id}", team).exchange().expectStatus().isNoContent();
        api.get().uri("/api/v1/teams/{id}", team).exchange().expectStatus().isNotFound();
        assertThat(teams(api)).isEmpty();
    }

    @Test
    void badTeamInputIsRefusedNamingTheFieldAndWritesNothing() {
        var api = ApiClient.forToken(port, workspaces.create("Bad Team Shop").token());
        var team = createTeam(api, json("name", "Keep"));

        expectFieldError(api.post().uri("/api/v1/teams"), json("description", "no name"), "name");
        expectFieldError(api.post().uri("/api/v1/teams"), json("name", "  "), "name");
        expectFieldError(api.post().uri("/api/v1/teams"), json("name", "x".repeat(121)), "name");
        expectFieldError(api.post().uri("/api/v1/teams"), json("name", "Ok", "description", "x".repeat(1001)),
                "description");
        expectFieldError(api.post().uri("/api/v1/teams"), json("name", "Ok", "members", List.of("nope")), "members[0]");
        expectFieldError(api.patch().uri("/api/v1/teams/{id}", team), json("name", ""), "name");
        expectFieldError(api.patch().uri("/api/v1/teams/{id}", team), json("name", "Ok", "colour", "red"), "colour");
        api.put().uri("/api/v1/teams/{id}/members/not-a-user", team).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("userId");

        assertThat(teams(api)).extracting(t -> t.get("name")).containsExactly("Keep");
    }

    private static void expectFieldError(RestTestClient.RequestBodySpec request, Object body, String field) {
        request.contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(List.class, fields ->
                        assertThat(fields).as("errors of %s", body).contains(field));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> teams(RestTestClient api) {
        return (List<Map<String, Object>>) api.get().uri("/api/v1/teams").exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody().get("items");
    }
}
