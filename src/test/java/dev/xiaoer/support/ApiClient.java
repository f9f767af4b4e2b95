package dev.xiaoer.support;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A REST client that talks to the running application over HTTP, as an integration would. */
public final class ApiClient {

    private ApiClient() {
    }

    public static RestTestClient forToken(int port, String token) {
        return RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .build();
    }

    public static RestTestClient anonymous(int port) {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    public static Map<String, Object> json(Object... keyValues) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
