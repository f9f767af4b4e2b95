package dev.xiaoer.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.xiaoer.platform.PlatformTestConfiguration;
import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@IntegrationTest
@Import(PlatformTestConfiguration.class)
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void theApiDocumentIsPublicAndSaysWhatTheApiIs() {
        var doc = apiDocs();

        assertThat(JsonPath.<String>read(doc, "$.openapi")).startsWith("3.");
        assertThat(JsonPath.<String>read(doc, "$.info.title")).isEqualTo("Xiaoer REST API");
        assertThat(JsonPath.<String>read(doc, "$.info.version")).isNotBlank();
        assertThat(JsonPath.<String>read(doc, "$.info.description")).contains("customer service").contains("小二");
        assertThat(JsonPath.<String>read(doc, "$.info.license.name")).isEqualTo("Apache-2.0");
        assertThat(JsonPath.<String>read(doc, "$.components.securitySchemes.bearer.type")).isEqualTo("http");
        assertThat(JsonPath.<String>read(doc, "$.components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(JsonPath.<Map<String, Object>>read(doc, "$.paths")).containsKey("/api/v1/me");
    }

    @Test
    void enumValuesAreListedInLowerCaseAsTheApiWritesThem() {
        var doc = apiDocs();

        assertThat(JsonPath.<List<String>>read(doc, "$.components.schemas.MeView.properties.type.enum"))
                .containsExactly("user", "api_token", "customer", "system");
        assertThat(JsonPath.<Map<String, Object>>read(doc,
                "$.paths['/api/v1/me'].get.responses.200.content")).containsOnlyKeys("application/json");
    }

    @Test
    void everyApiOperationNeedsABearerTokenAndDocumentsItsProblems() {
        var operations = operations(apiDocs());

        assertThat(operations).isNotEmpty();
        operations.forEach(operation -> {
            assertThat(operation.security()).as(operation.name()).containsExactly(Map.of("bearer", List.of()));
            assertThat(operation.responses()).as(operation.name()).containsKeys("400", "401", "403", "404");
        });
        var me = operations.stream().filter(o -> o.name().equals("GET /api/v1/me")).findFirst().orElseThrow();
        assertThat(me.responses()).doesNotContainKeys("409", "412", "415", "422");
    }

    @Test
    void everyPostDocumentsTheIdempotencyKeyHeaderAndItsProblems() {
        var posts = operations(apiDocs()).stream().filter(o -> o.name().startsWith("POST ")).toList();

        assertThat(posts).extracting(Operation::name).contains("POST " + PlatformTestConfiguration.TOKENS);
        posts.forEach(post -> {
            assertThat(post.parameters()).as(post.name()).anySatisfy(parameter -> {
                assertThat(parameter).containsEntry("name", "Idempotency-Key").containsEntry("in", "header")
                        .containsEntry("required", false);
                assertThat(parameter.get("description").toString()).contains("retry");
            });
            assertThat(post.responses()).as(post.name()).containsKeys("409", "415", "422");
        });
    }

    @Test
    void problemResponsesUseTheProblemDetailSchemaWithAnExample() {
        var doc = apiDocs();

        assertThat(JsonPath.<Map<String, Object>>read(doc, "$.components.schemas.ProblemDetail.properties"))
                .containsKeys("type", "title", "status", "detail", "instance", "errors");
        for (var name : List.of("BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict",
                "PreconditionFailed", "UnsupportedMediaType", "UnprocessableContent")) {
            var content = "$.components.responses." + name + ".content['application/problem+json']";
            assertThat(JsonPath.<String>read(doc, content + ".schema.$ref")).as(name)
                    .isEqualTo("#/components/schemas/ProblemDetail");
            assertThat(JsonPath.<String>read(doc, content + ".example.type")).as(name)
                    .startsWith("https://xiaoer.dev/problems/");
        }
        assertThat(JsonPath.<Integer>read(doc, "$.components.responses.PreconditionFailed.content"
                + "['application/problem+json'].example.status")).isEqualTo(412);
        assertThat(JsonPath.<String>read(doc, "$.paths['/api/v1/me'].get.responses.401.$ref"))
                .isEqualTo("#/components/responses/Unauthorized");
    }

    @Test
    void swaggerUiIsPublicAndLoadsOnlyScriptsTheContentSecurityPolicyAllows() {
        var client = ApiClient.anonymous(port);

        client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> assertThat(location).endsWith("/swagger-ui/index.html"));
        var page = client.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("script-src 'self'"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<script src=\"./swagger-initializer.js\"")
                .as("no inline scripts, which the policy would block").doesNotContainPattern("<script(?![^>]*src=)");
        client.get().uri("/swagger-ui/swagger-initializer.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("/v3/api-docs"));
        client.get().uri("/swagger-ui/swagger-ui-bundle.js").exchange().expectStatus().isOk();
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("/v3/api-docs");
    }

    private String apiDocs() {
        return ApiClient.anonymous(port).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    record Operation(String name, List<Map<String, Object>> security, Map<String, Object> responses,
                     List<Map<String, Object>> parameters) {
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> operations(String doc) {
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(doc, "$.paths");
        return paths.entrySet().stream()
                .flatMap(path -> path.getValue().entrySet().stream().map(operation -> new Operation(
                        operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                        (List<Map<String, Object>>) operation.getValue().get("security"),
                        (Map<String, Object>) operation.getValue().get("responses"),
                        Objects.requireNonNullElse((List<Map<String, Object>>) operation.getValue().get("parameters"),
                                List.of()))))
                .toList();
    }
}
