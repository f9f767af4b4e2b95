package dev.xiaoer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.MutableClock;
import dev.xiaoer.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApiTokenIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void aTokenActsForItsOwnWorkspace() {
        var shop = workspaces.create("Green Valley Seeds");

        ApiClient.forToken(port, shop.token()).get().uri("/api/v1/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.type").isEqualTo("api_token")
                .jsonPath("$.workspace.name").isEqualTo("Green Valley Seeds")
                .jsonPath("$.scopes[0]").isEqualTo("read")
                .jsonPath("$.scopes[1]").isEqualTo("write");
    }

    @Test
    void anUnknownTokenIsRefusedWithAProblemDetail() {
        ApiClient.forToken(port, "xo_not-a-real-token").get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/invalid-token")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void aRequestWithoutTokenIsUnauthorizedAndCreatesNoSession() {
        ApiClient.anonymous(port).get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Set-Cookie")
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/unauthorized");
    }

    @Test
    void aTokenRequestCreatesNoHttpSession() {
        var shop = workspaces.create("Stateless Shop");
        ApiClient.forToken(port, shop.token()).get().uri("/api/v1/me").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Set-Cookie");
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        var shop = workspaces.create("Revoking Shop");
        var token = identity.tokens(shop.workspace().id()).getFirst();

        identity.revokeToken(shop.workspace().id(), token.id());

        ApiClient.forToken(port, shop.token()).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aTokenRevokedByAnotherNodeStopsWorkingWithinTheCacheTime() {
        var shop = workspaces.create("Two Node Shop");
        var api = ApiClient.forToken(port, shop.token());
        api.get().uri("/api/v1/me").exchange().expectStatus().isOk();

        jdbc.sql("UPDATE api_tokens SET revoked_at = CURRENT_TIMESTAMP WHERE workspace_id = ?")
                .param(shop.workspace().id().value()).update();
        clock.advance(IdentityManagement.TOKEN_CACHE_TIME.plusSeconds(1));
        try {
            api.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
        } finally {
            clock.reset();
        }
    }

    @Test
    void aReadOnlyTokenCannotWrite() {
        var shop = workspaces.create("Read Only Shop");
        var readOnly = workspaces.token(shop.workspace(), Scope.READ);

        ApiClient.forToken(port, readOnly).post().uri("/api/v1/me").contentType(MediaType.APPLICATION_JSON)
                .body("{}").exchange()
                .expectStatus().isForbidden();
        assertThat(identity.tokens(shop.workspace().id())).hasSize(2);
    }
}
