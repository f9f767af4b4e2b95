package dev.xiaoer.platform.web;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The OpenAPI 3 document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): every
 * {@code /api/**} operation requires a bearer API token, documents its RFC 9457 problem responses,
 * and every POST documents the {@code Idempotency-Key} header.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM_SCHEMA = "ProblemDetail";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** A documented problem response: its component name, status, when it happens and an example. */
    private record Problem(String name, int status, String description, String code, String title, String detail) {
    }

    private static final List<Problem> PROBLEMS = List.of(
            new Problem("BadRequest", 400, "Invalid input: bad JSON, a wrong type, an unknown or missing field, a "
                    + "value out of range. `errors` names each field.", "invalid-request", "Invalid request",
                    "The request has invalid fields; see errors."),
            new Problem("Unauthorized", 401, "No API token, or an unknown or revoked one.", "unauthorized",
                    "Unauthorized", "Sign in or send a valid API token (Authorization: Bearer xo_...)."),
            new Problem("Forbidden", 403, "The token's scope or the user's role does not allow this.", "forbidden",
                    "Forbidden", "Your role or token scope does not allow this."),
            new Problem("NotFound", 404, "No such resource in the caller's workspace (resources of other workspaces "
                    + "are reported the same way).", "not-found", "Not found",
                    "ticket 3f1c2a8e-0c1d-4a51-9a3e-2b7d9c4e5f60 does not exist in this workspace."),
            new Problem("Conflict", 409, "The request conflicts with the current state, for example a retry while "
                    + "the first request with the same Idempotency-Key is still running.",
                    "idempotency-key-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry in a moment."),
            new Problem("PreconditionFailed", 412, "The If-Match version is stale: the resource changed since it "
                    + "was read. Read it again and retry.", "precondition-failed", "Precondition failed",
                    "The resource was changed since you read it."),
            new Problem("UnsupportedMediaType", 415, "The request body has a content type this operation does not "
                    + "accept.", "http-415", "Unsupported Media Type", "Content-Type 'text/plain' is not supported."),
            new Problem("UnprocessableContent", 422, "The Idempotency-Key was already used for a different request.",
                    "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key."));

    @Bean
    OpenAPI xiaoerOpenApi() {
        var components = new Components()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("xo_…").description("A workspace API token, created by a workspace admin "
                                + "in the admin pages and shown once. Send it as `Authorization: Bearer xo_…`."));
        PROBLEMS.forEach(problem -> components.addResponses(problem.name(), problemResponse(problem)));
        return new OpenAPI()
                .info(new Info()
                        .title("Xiaoer REST API")
                        .version("v1")
                        .description("""
                                The REST API of Xiaoer, open-source omnichannel customer service for e-commerce: \
                                customers, agents, teams, tickets and their timelines. Every request acts in the \
                                workspace of its API token. Errors are RFC 9457 problem details; a POST that \
                                creates something accepts an `Idempotency-Key` so that a retry never creates it twice.

                                小二开放接口：以工作区 API 令牌访问客户、坐席、团队与工单。""")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(components);
    }

    /** Bearer security and the problem responses an operation can give, by its HTTP method. */
    @Bean
    OpenApiCustomizer apiOperationsNeedTokensAndAnswerProblems() {
        return openApi -> {
            // Operations that name Spring's ProblemDetail class make springdoc generate a bare schema
            // under the same name; the documented one (with field errors and an example) wins.
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                item.readOperationsMap().forEach((method, operation) -> {
                    if (operation.getSecurity() == null) {
                        operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                    }
                    PROBLEMS.stream().filter(problem -> applies(problem.status(), method, operation)).forEach(problem -> {
                        var status = String.valueOf(problem.status());
                        if (!operation.getResponses().containsKey(status)) {
                            operation.getResponses().addApiResponse(status,
                                    new ApiResponse().$ref("#/components/responses/" + problem.name()));
                        }
                    });
                });
            });
        };
    }

    /**
     * Enum values travel in lower case (see {@link WebConfiguration}), but the schema generator
     * names them as declared; this lists them as clients must send and will receive them.
     */
    @Bean
    ModelConverter lowerCaseEnums() {
        return (type, context, chain) -> {
            var schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            if (schema != null && schema.getEnum() != null
                    && Json.mapper().constructType(type.getType()).isEnumType()) {
                lowerCase(schema);
            }
            return schema;
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> void lowerCase(Schema<T> schema) {
        schema.setEnum(schema.getEnum().stream()
                .map(value -> (T) value.toString().toLowerCase(Locale.ROOT))
                .toList());
    }

    @Bean
    OperationCustomizer postsAcceptIdempotencyKeys() {
        return (operation, handler) -> {
            var mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            if (mapping != null && List.of(mapping.method()).contains(RequestMethod.POST)) {
                operation.addParametersItem(new HeaderParameter().name(IDEMPOTENCY_KEY).required(false)
                        .description("Makes the request safe to retry: a retry with the same key and the same "
                                + "request within 24 hours (by default) returns the first response (with "
                                + "`Idempotent-Replayed: true`) and creates nothing. The same key with a different "
                                + "request is refused with 422; a retry while the first is still running gets 409.")
                        .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x20-\\x7E]+$"))
                        .example("3b0f5c7e-order-8812-refund"));
                operation.getResponses().values().forEach(response -> {
                    if (response.get$ref() == null) {
                        response.addHeaderObject("Idempotent-Replayed", new Header()
                                .description("`true` when this is the stored response of an earlier request with "
                                        + "the same Idempotency-Key")
                                .schema(new StringSchema()._enum(List.of("true"))));
                    }
                });
            }
            return operation;
        };
    }

    /** Which problems an operation can answer with, by its HTTP method and whether it takes a body. */
    private static boolean applies(int status, HttpMethod method, Operation operation) {
        var reads = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        return switch (status) {
            case 409 -> !reads;
            case 412 -> method == HttpMethod.PUT || method == HttpMethod.PATCH || method == HttpMethod.DELETE;
            case 415 -> operation.getRequestBody() != null;
            case 422 -> method == HttpMethod.POST;
            default -> true;
        };
    }

    private static Schema<?> problemSchema() {
        var fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field, header or parameter, e.g. `subject`"))
                .addProperty("message", new StringSchema().description("What is wrong with it, in the caller's language"));
        return new ObjectSchema()
                .description("An RFC 9457 problem detail. `type` is stable and can be relied on; `title` and "
                        + "`detail` are in the caller's language (English or Simplified Chinese).")
                .addProperty("type", new StringSchema().format("uri")
                        .description("Stable identifier: https://xiaoer.dev/problems/<code>"))
                .addProperty("title", new StringSchema().description("Short summary of the problem type"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What happened, for a human"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request path"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("For invalid input: one entry per field"))
                .required(List.of("type", "title", "status"));
    }

    private static ApiResponse problemResponse(Problem problem) {
        var example = new LinkedHashMap<String, Object>();
        example.put("type", Problems.TYPE_BASE + problem.code());
        example.put("title", problem.title());
        example.put("status", problem.status());
        example.put("detail", problem.detail());
        example.put("instance", "/api/v1/tickets");
        if (problem.status() == 400) {
            example.put("errors", List.of(Map.of("field", "subject", "message", "must not be blank")));
        }
        return new ApiResponse().description(problem.description())
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                        .example(example)));
    }
}
