package dev.xiaoer.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The application's OpenAPI document read as a client reads it: its operations, their parameters
 * and request bodies, with {@code $ref}s resolved. Tests walk it so that an endpoint added later is
 * walked too.
 */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** Fetches {@code /v3/api-docs} without credentials, as anyone may. */
    public static OpenApiDocument fetch(int port) {
        var body = ApiClient.anonymous(port).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return new OpenApiDocument(JSON.readTree(body));
    }

    public List<Operation> operations() {
        var operations = new ArrayList<Operation>();
        root.path("paths").forEachEntry((path, item) -> item.forEachEntry((method, operation) -> {
            if (METHODS.contains(method)) {
                operations.add(operation(method.toUpperCase(Locale.ROOT), path, item, operation));
            }
        }));
        return operations;
    }

    private Operation operation(String method, String path, JsonNode item, JsonNode operation) {
        var parameters = new LinkedHashMap<String, Parameter>();
        for (var source : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (var parameter : source) {
                var resolved = resolve(parameter);
                var name = resolved.path("name").asString();
                parameters.put(resolved.path("in").asString() + ":" + name, new Parameter(name,
                        resolved.path("in").asString(), resolved.path("required").asBoolean(false),
                        resolve(resolved.path("schema"))));
            }
        }
        Optional<Body> body = Optional.empty();
        var requestBody = resolve(operation.path("requestBody"));
        if (requestBody.has("content")) {
            var content = requestBody.path("content");
            var mediaType = content.has("application/json") ? "application/json"
                    : content.propertyNames().iterator().next();
            body = Optional.of(new Body(mediaType, resolve(content.path(mediaType).path("schema"))));
        }
        return new Operation(method, path, operation.path("operationId").asString(""),
                List.copyOf(parameters.values()), body);
    }

    /** The schema or parameter a {@code $ref} points to, or the node itself. */
    public JsonNode resolve(JsonNode node) {
        var current = node;
        while (current.has("$ref")) {
            var ref = current.path("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local references are supported: " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }

    /**
     * The places in a request schema that hold ids ({@code format: uuid}), as dotted paths with
     * {@code []} for array items: {@code requester.customerId}, {@code members[]}.
     */
    public List<String> idPaths(JsonNode schema) {
        var paths = new ArrayList<String>();
        collectIdPaths(resolve(schema), "", paths, 0);
        return paths;
    }

    private void collectIdPaths(JsonNode schema, String path, List<String> paths, int depth) {
        if (depth > 10) {
            return;
        }
        if ("uuid".equals(schema.path("format").asString(""))) {
            paths.add(path);
            return;
        }
        schema.path("properties").forEachEntry((name, property) ->
                collectIdPaths(resolve(property), path.isEmpty() ? name : path + "." + name, paths, depth + 1));
        if (schema.has("items")) {
            collectIdPaths(resolve(schema.path("items")), path + "[]", paths, depth + 1);
        }
        for (var combinator : List.of("allOf", "anyOf", "oneOf")) {
            for (var part : schema.path(combinator)) {
                collectIdPaths(resolve(part), path, paths, depth + 1);
            }
        }
    }

    /**
     * The smallest body the schema accepts: its required properties, filled from their examples or
     * enum values. Empty when a required value cannot be made up (say a pattern without an example).
     */
    public Optional<JsonNode> minimalBody(JsonNode schema) {
        return minimal(resolve(schema), 0);
    }

    private Optional<JsonNode> minimal(JsonNode schema, int depth) {
        if (depth > 10) {
            return Optional.empty();
        }
        if (schema.has("example")) {
            return Optional.of(schema.path("example"));
        }
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            return Optional.of(schema.path("enum").path(0));
        }
        var nodes = JsonNodeFactory.instance;
        return switch (type(schema)) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                for (var required : schema.path("required")) {
                    var name = required.asString();
                    var value = minimal(resolve(schema.path("properties").path(name)), depth + 1);
                    if (value.isEmpty()) {
                        yield Optional.empty();
                    }
                    object.set(name, value.get());
                }
                yield Optional.of(object);
            }
            case "array" -> {
                var array = nodes.arrayNode();
                for (int i = 0; i < schema.path("minItems").asInt(0); i++) {
                    var item = minimal(resolve(schema.path("items")), depth + 1);
                    if (item.isEmpty()) {
                        yield Optional.empty();
                    }
                    array.add(item.get());
                }
                yield Optional.of(array);
            }
            case "boolean" -> Optional.of(nodes.booleanNode(false));
            case "integer", "number" -> Optional.of(nodes.numberNode(schema.path("minimum").asLong(1)));
            case "string" -> schema.has("pattern") || schema.has("format")
                    ? Optional.empty() : Optional.of(nodes.stringNode("isolation"));
            default -> Optional.empty();
        };
    }

    /** The schema's type; in OpenAPI 3.1 a list such as {@code ["string", "null"]}, of which the first non-null. */
    static String type(JsonNode schema) {
        var type = schema.path("type");
        if (type.isArray()) {
            for (var each : type) {
                if (!"null".equals(each.asString())) {
                    return each.asString();
                }
            }
            return "null";
        }
        if (type.isMissingNode() && schema.has("properties")) {
            return "object";
        }
        return type.asString("");
    }

    public record Operation(String method, String path, String operationId, List<Parameter> parameters,
                            Optional<Body> body) {

        /** {@code POST /api/v1/teams}: how the tests name an operation. */
        public String key() {
            return method + " " + path;
        }

        public List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        @Override
        public String toString() {
            return key() + (operationId.isEmpty() ? "" : " (" + operationId + ")");
        }
    }

    public record Parameter(String name, String in, boolean required, JsonNode schema) {

        public boolean isId() {
            return "uuid".equals(schema.path("format").asString(""));
        }
    }

    public record Body(String mediaType, JsonNode schema) {

        public boolean isMultipart() {
            return mediaType.startsWith("multipart/");
        }
    }

    /** Reads JSON text, for tests that compare answers. */
    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** Turns a body built of maps and lists into JSON, for tests that inspect what they send. */
    public static JsonNode toJson(Object value) {
        return JSON.valueToTree(value);
    }
}
