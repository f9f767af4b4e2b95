package dev.xiaoer.platform.idempotency;

import static dev.xiaoer.platform.PlatformTestConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.platform.PlatformTestConfiguration;
import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.MutableClock;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.support.TestWorkspaces.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

@IntegrationTest
@Import(PlatformTestConfiguration.class)
class IdempotencyIT {

    private static final String PROBLEMS = "https://xiaoer.dev/problems/";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    IdentityManagement identity;

    @Autowired
    MutableClock clock;

    @Autowired
    ExpiredIdempotencyKeys expiredKeys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRetriedPostGetsTheFirstResponseAndCreatesNothingMore() {
        var shop = workspaces.create("Retry Seeds");
        var key = UUID.randomUUID().toString();

        var first = createToken(shop, key, "{\"name\":\"warehouse scanner\"}");
        var retry = createToken(shop, key, "{\"name\":\"warehouse scanner\"}");

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(retry.getStatus().value()).isEqualTo(201);
        assertThat(retry.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(retry.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(retry.getResponseHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(retry.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(tokensNamed(shop, "warehouse scanner")).isEqualTo(1);
    }

    @Test
    void tenIdenticalRequestsRacingInParallelCreateExactlyOneThing() throws Exception {
        var shop = workspaces.create("Racing Fruit");
        var key = UUID.randomUUID().toString();
        var body = "{\"name\":\"racing client\"}";
        var start = new CountDownLatch(1);
        var calls = new ArrayList<Callable<EntityExchangeResult<String>>>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> {
                start.await();
                return createToken(shop, key, body);
            });
        }

        var results = new ArrayList<EntityExchangeResult<String>>();
        try (var pool = Executors.newFixedThreadPool(10)) {
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                results.add(future.get());
            }
        }

        var created = results.stream().filter(r -> r.getStatus().value() == 201).toList();
        var inProgress = results.stream().filter(r -> r.getStatus().value() == 409).toList();
        assertThat(created.size() + inProgress.size()).as("every answer is the result or 'in progress'").isEqualTo(10);
        assertThat(created).isNotEmpty();
        assertThat(created).extracting(EntityExchangeResult::getResponseBody).containsOnly(created.getFirst().getResponseBody());
        assertThat(inProgress).extracting(EntityExchangeResult::getResponseBody)
                .allSatisfy(problem -> assertThat(problem).contains(PROBLEMS + "idempotency-key-in-progress"));
        assertThat(tokensNamed(shop, "racing client")).isEqualTo(1);

        var later = createToken(shop, key, body);
        assertThat(later.getStatus().value()).isEqualTo(201);
        assertThat(later.getResponseBody()).isEqualTo(created.getFirst().getResponseBody());
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefusedWith422() {
        var shop = workspaces.create("Reused Key Farm");
        var key = UUID.randomUUID().toString();
        createToken(shop, key, "{\"name\":\"first\"}");

        var otherBody = createToken(shop, key, "{\"name\":\"second\"}");
        var otherPath = client(shop).post().uri(TOKENS + "/then-fail").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\":\"first\"}").exchange()
                .returnResult(String.class);

        for (var refused : java.util.List.of(otherBody, otherPath)) {
            assertThat(refused.getStatus().value()).isEqualTo(422);
            assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(refused.getResponseBody()).contains(PROBLEMS + "idempotency-key-reused");
        }
        assertThat(tokensNamed(shop, "second")).isZero();
    }

    @Test
    void aFailedRequestDoesNotUseUpItsKey() {
        var shop = workspaces.create("Corrected Orchard");
        var key = UUID.randomUUID().toString();

        var invalid = createToken(shop, key, "{\"name\":\"\"}");
        var corrected = createToken(shop, key, "{\"name\":\"corrected\"}");

        assertThat(invalid.getStatus().value()).isEqualTo(400);
        assertThat(corrected.getStatus().value()).isEqualTo(201);
        assertThat(corrected.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(tokensNamed(shop, "corrected")).isEqualTo(1);
    }

    @Test
    void aRequestThatFailsHalfwayLeavesNothingBehindAndCanBeRetried() {
        var shop = workspaces.create("Halfway Tea");
        var key = UUID.randomUUID().toString();

        var failed = client(shop).post().uri(TOKENS + "/then-fail").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\":\"half\"}").exchange()
                .returnResult(String.class);

        assertThat(failed.getStatus().value()).isEqualTo(404);
        assertThat(failed.getResponseBody()).contains(PROBLEMS + "not-found");
        assertThat(tokensNamed(shop, "half")).as("the token created before the failure is rolled back").isZero();
        assertThat(createToken(shop, key, "{\"name\":\"whole\"}").getStatus().value()).isEqualTo(201);
    }

    @Test
    void aHandlerThatSwallowsAFailedStepGetsAConflictNotAServerErrorAndSavesNothing() {
        var shop = workspaces.create("Swallowed Spices");
        var key = UUID.randomUUID().toString();

        var result = client(shop).post().uri(TOKENS + "/swallowing-a-failure").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\":\"swallowed\"}").exchange()
                .returnResult(String.class);

        assertThat(result.getStatus().value()).isEqualTo(409);
        assertThat(result.getResponseHeaders().getLocation()).isNull();
        assertThat(result.getResponseBody()).contains(PROBLEMS + "idempotent-request-rolled-back");
        assertThat(tokensNamed(shop, "swallowed")).isZero();
        assertThat(createToken(shop, key, "{\"name\":\"kept\"}").getStatus().value()).isEqualTo(201);
    }

    @Test
    void keysBelongToOneWorkspace() {
        var one = workspaces.create("Key Owner");
        var other = workspaces.create("Same Key Elsewhere");
        var key = UUID.randomUUID().toString();

        var first = createToken(one, key, "{\"name\":\"shared key\"}");
        var second = createToken(other, key, "{\"name\":\"shared key\"}");

        assertThat(second.getStatus().value()).isEqualTo(201);
        assertThat(second.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(second.getResponseBody()).isNotEqualTo(first.getResponseBody());
        assertThat(tokensNamed(other, "shared key")).isEqualTo(1);
    }

    @Test
    void keysThatAreNotOneToTwoHundredFiftyFivePrintableCharactersAreRefused() {
        var shop = workspaces.create("Odd Keys");
        for (var key : new String[] {"", " ", "x".repeat(256), "tab\there"}) {
            var result = createToken(shop, key, "{\"name\":\"odd key\"}");
            assertThat(result.getStatus().value()).as("key '%s'", key).isEqualTo(400);
            assertThat(result.getResponseBody()).contains(PROBLEMS + "invalid-idempotency-key")
                    .contains("\"field\":\"Idempotency-Key\"");
        }
        assertThat(createToken(shop, "x".repeat(255), "{\"name\":\"odd key\"}").getStatus().value()).isEqualTo(201);
        assertThat(tokensNamed(shop, "odd key")).isEqualTo(1);
    }

    @Test
    void aKeyIsForgottenAfterTwentyFourHours() {
        var shop = workspaces.create("Expiring Rice");
        var key = UUID.randomUUID().toString();
        createToken(shop, key, "{\"name\":\"yesterday\"}");
        var stillRemembered = createToken(shop, key, "{\"name\":\"today\"}");

        clock.advance(Duration.ofHours(25));
        var removed = expiredKeys.remove();
        var afterExpiry = createToken(shop, key, "{\"name\":\"today\"}");

        assertThat(stillRemembered.getStatus().value()).isEqualTo(422);
        assertThat(removed).isPositive();
        assertThat(afterExpiry.getStatus().value()).isEqualTo(201);
        assertThat(tokensNamed(shop, "today")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_keys WHERE workspace_id = ?")
                .param(shop.workspace().id().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRetriedUploadGetsTheFirstResponseAndADifferentFileIsRefused() {
        var shop = workspaces.create("Uploading Farm");
        var key = UUID.randomUUID().toString();

        var first = upload(shop, key, "scanner from file");
        var retry = upload(shop, key, "scanner from file");
        var otherFile = upload(shop, key, "another file");

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(retry.getStatus().value()).isEqualTo(201);
        assertThat(retry.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(otherFile.getStatus().value()).isEqualTo(422);
        assertThat(tokensNamed(shop, "scanner from file")).isEqualTo(1);
        assertThat(tokensNamed(shop, "another file")).isZero();
    }

    @Test
    void postsWithoutAKeyAreNotRemembered() {
        var shop = workspaces.create("Keyless Shop");

        client(shop).post().uri(TOKENS).contentType(MediaType.APPLICATION_JSON).body("{\"name\":\"twice\"}")
                .exchange().expectStatus().isCreated();
        client(shop).post().uri(TOKENS).contentType(MediaType.APPLICATION_JSON).body("{\"name\":\"twice\"}")
                .exchange().expectStatus().isCreated().expectHeader().doesNotExist("Idempotent-Replayed");

        assertThat(tokensNamed(shop, "twice")).isEqualTo(2);
    }

    private EntityExchangeResult<String> createToken(TestWorkspace shop, String key, String body) {
        return client(shop).post().uri(TOKENS).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .returnResult(String.class);
    }

    private EntityExchangeResult<String> upload(TestWorkspace shop, String key, String content) {
        var file = new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "name.txt";
            }
        };
        var partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.TEXT_PLAIN);
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new HttpEntity<>(file, partHeaders));
        return client(shop).post().uri(TOKENS + "/from-file").header("Idempotency-Key", key)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange()
                .returnResult(String.class);
    }

    private RestTestClient client(TestWorkspace shop) {
        return ApiClient.forToken(port, shop.token());
    }

    private long tokensNamed(TestWorkspace shop, String name) {
        return identity.tokens(shop.workspace().id()).stream().filter(t -> t.name().equals(name)).count();
    }
}
