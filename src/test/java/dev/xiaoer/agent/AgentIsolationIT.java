package dev.xiaoer.agent;

import static dev.xiaoer.agent.AgentApiIT.agentIds;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** A token of one workspace gets 404 for every agent and team of another, and never sees them in lists. */
@IntegrationTest
class AgentIsolationIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aTokenNeverSeesNorTouchesTheAgentsAndTeamsOfAnotherWorkspace() {
        var mineShop = workspaces.create("My Agency");
        var mine = ApiClient.forToken(port, mineShop.token());
        var theirs = ApiClient.forToken(port, workspaces.create("Their Agency").token());
        var myTeam = createTeam(mine, json("name", "Shared name"));
        var myAgent = createAgent(mine, json("email", unique("mine"), "displayName", "Mine"));
        var theirAgent = createAgent(theirs, json("email", unique("theirs"), "displayName", "Theirs"));
        var theirTeam = createTeam(theirs, json("name", "Shared name", "members", List.of(theirAgent)));

        mine.get().uri("/api/v1/agents/{id}", theirAgent).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/not-found");
        mine.patch().uri("/api/v1/agents/{id}", theirAgent).contentType(MediaType.APPLICATION_JSON)
                .body(json("status", "online", "role", "admin")).exchange().expectStatus().isNotFound();
        mine.get().uri("/api/v1/teams/{id}", theirTeam).exchange().expectStatus().isNotFound();
        mine.patch().uri("/api/v1/teams/{id}", theirTeam).contentType(MediaType.APPLICATION_JSON)
                .body(json("name", "Hijacked")).exchange().expectStatus().isNotFound();
        mine.delete().uri("/api/v1/teams/{id}", theirTeam).exchange().expectStatus().isNotFound();
        mine.put().uri("/api/v1/teams/{id}/members/{user}", theirTeam, myAgent).exchange().expectStatus().isNotFound();
        mine.delete().uri("/api/v1/teams/{id}/members/{user}", theirTeam, theirAgent).exchange()
                .expectStatus().isNotFound();
        mine.put().uri("/api/v1/teams/{id}/members/{user}", myTeam, theirAgent).exchange().expectStatus().isNotFound();
        mine.post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON)
                .body(json("name", "Poachers", "members", List.of(myAgent, theirAgent))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/unknown-agent")
                .jsonPath("$.errors[0].field").isEqualTo("members[1]");
        var poached = unique("poached");
        mine.post().uri("/api/v1/agents").contentType(MediaType.APPLICATION_JSON)
                .body(json("email", poached, "displayName", "Poached", "teams", List.of(theirTeam))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/unknown-team")
                .jsonPath("$.errors[0].field").isEqualTo("teams[0]");

        assertThat(agentIds(mine, "")).containsExactlyInAnyOrder(myAgent, mineShop.admin().id().toString());
        assertThat(agentIds(mine, "team=" + theirTeam)).isEmpty();
        assertThat(TeamApiIT.teams(mine)).extracting(t -> t.get("id")).containsExactly(myTeam);
        assertThat(getAgent(theirs, theirAgent)).containsEntry("status", "offline").containsEntry("role", "agent");
        assertThat(TeamApiIT.teams(theirs)).singleElement()
                .satisfies(team -> assertThat(team).containsEntry("name", "Shared name")
                        .containsEntry("memberCount", 1));
        assertThat(agentIds(mine, "")).doesNotContain(theirAgent);
    }
}
