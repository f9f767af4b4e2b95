package dev.xiaoer.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.platform.PlatformTestConfiguration;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Whatever goes wrong, an API client gets a problem detail that reveals nothing of the internals. */
@IntegrationTest
@Import(PlatformTestConfiguration.class)
class ApiErrorsIT {

    private static final String TOKENS = PlatformTestConfiguration.TOKENS;

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    private final HttpClient http = HttpClient.newHttpClient();

    record Call(String method, String path, String contentType, String body, int status, String type) {
    }

    @Test
    void malformedAndMisdirectedRequestsGetProblemDetailsWithoutInternals() throws Exception {
        var token = workspaces.create("Error Shop").token();
        var calls = new Call[] {
                new Call("POST", "/api/v1/me", "application/json", "{}", 405, "http-405"),
                new Call("DELETE", "/api/v1/me", null, null, 405, "http-405"),
                new Call("POST", "/api/v1/no-such-thing", "application/json", "{}", 404, "http-404"),
                new Call("GET", "/api/v1/no-such-thing", null, null, 404, "http-404"),
                new Call("GET", "/api/v1/me/..;/admin", null, null, 400, "http-400"),
                new Call("POST", TOKENS, "application/json", "{not json", 400, "malformed-request"),
                new Call("POST", TOKENS, "application/json", "{\"name\": 42, \"extra\": true}", 400,
                        "malformed-request"),
                new Call("POST", TOKENS, "application/json", "{\"name\": [\"a\"]}", 400, "malformed-request"),
                new Call("POST", TOKENS, "application/json", "{\"name\": \"" + "x".repeat(121) + "\"}", 400,
                        "invalid-request"),
                new Call("POST", TOKENS, "text/plain", "name", 415, "http-415"),
                new Call("POST", TOKENS, "application/json", "", 400, "malformed-request"),
                new Call("POST", TOKENS + "/with-a-bug", "application/json", "{\"name\":\"bug\"}", 500,
                        "internal-error"),
                new Call("POST", TOKENS + "/when-busy", "application/json", "{\"name\":\"busy\"}", 503, "busy"),
        };

        for (var call : calls) {
            var response = send(token, call);
            var what = call.method() + " " + call.path() + " " + call.body();

            assertThat(response.statusCode()).as(what).isEqualTo(call.status());
            assertThat(response.headers().firstValue("Content-Type")).as(what).get().asString()
                    .startsWith("application/problem+json");
            assertThat(response.body()).as(what)
                    .contains("\"type\":\"https://xiaoer.dev/problems/" + call.type() + "\"")
                    .contains("\"status\":" + call.status())
                    .doesNotContain("Exception", "exception", "trace", "\tat ", "java.", "org.springframework",
                            "tools.jackson", "dev.xiaoer", PlatformTestConfiguration.INTERNAL_DETAIL);
            assertThat(response.headers().allValues("Set-Cookie")).as(what).isEmpty();
        }
    }

    @Test
    void problemsAreInTheCallersLanguage() throws Exception {
        var token = workspaces.create("中文店铺").token();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/no-such-thing"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN,zh;q=0.9").GET().build();

        var response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("此地址没有内容");
    }

    private HttpResponse<String> send(String token, Call call) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
