package dev.xiaoer.customer;

import static dev.xiaoer.support.ApiClient.json;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Customers created over the API, the way an integration would. */
final class CustomerFixtures {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private CustomerFixtures() {
    }

    static Map<String, Object> create(RestTestClient api, Map<String, Object> body) {
        return api.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    static String createId(RestTestClient api, Map<String, Object> body) {
        return (String) create(api, body).get("id");
    }

    static Map<String, Object> fruitBuyer(String email) {
        return json("name", "王芳", "email", email, "tags", List.of("fruit"));
    }

    static Map<String, Object> get(RestTestClient api, String id) {
        return api.get().uri("/api/v1/customers/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    static Map<String, Object> list(RestTestClient api, String query) {
        return api.get().uri("/api/v1/customers?" + query).exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }
}
