package dev.xiaoer.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model server on 127.0.0.1 that speaks the OpenAI chat-completions protocol
 * ({@code POST /v1/chat/completions}), for testing Xiaoer's generative answers against the real
 * wire format. What it replies is the test's {@link #reply} function of the request; every request is
 * kept, with its authorization header, for the test to read.
 */
public final class OpenAiCompatibleServer implements AutoCloseable {

    /** A request as received: the system and user messages' texts and the bearer token sent. */
    public record Received(String model, String system, String user, String authorization, JsonNode body) {
    }

    /** What the server does with a request. */
    public sealed interface Reply {
        /** A completion with this text. */
        record Text(String content) implements Reply {
        }

        /** An HTTP error with this status. */
        record Error(int status) implements Reply {
        }

        /** Answers nothing until the server closes (at most 10 s, so a missing timeout fails rather than hangs). */
        record Hang() implements Reply {
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Function<Received, Reply> reply = request -> new Reply.Text("NOT_COVERED");

    public OpenAiCompatibleServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::complete);
        server.start();
    }

    /** The API root to configure: {@code http://127.0.0.1:port/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void reply(Function<Received, Reply> reply) {
        this.reply = reply;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void complete(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String system = null;
            String user = null;
            for (var message : body.path("messages")) {
                switch (message.path("role").asString()) {
                    case "system" -> system = message.path("content").asString();
                    case "user" -> user = message.path("content").asString();
                    default -> { }
                }
            }
            var request = new Received(body.path("model").asString(), system, user,
                    exchange.getRequestHeaders().getFirst("Authorization"), body);
            received.add(request);
            switch (reply.apply(request)) {
                case Reply.Text text -> send(exchange, 200, completion(request.model(), text.content()));
                case Reply.Error error -> send(exchange, error.status(),
                        "{\"error\":{\"message\":\"refused\",\"type\":\"server_error\"}}");
                case Reply.Hang hang -> closing.await(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // The caller gave up waiting: nothing to answer.
        }
    }

    private static String completion(String model, String content) {
        var root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000)
                .put("model", model);
        var choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return JSON.writeValueAsString(root);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
