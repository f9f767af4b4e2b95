package dev.xiaoer.ticket;

import static dev.xiaoer.support.ApiClient.json;

import dev.xiaoer.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Test fixture: the ticket API of one workspace, called over HTTP as an integration would. */
public final class TicketApi {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    public final RestTestClient client;

    private TicketApi(RestTestClient client) {
        this.client = client;
    }

    public static TicketApi forToken(int port, String token) {
        return new TicketApi(ApiClient.forToken(port, token));
    }

    /** A ticket from a customer known by this e-mail address, with defaults for everything else. */
    public Map<String, Object> create(String email, String subject) {
        return create(json("subject", subject, "body", "Please help with: " + subject,
                "requester", json("email", email, "name", email.substring(0, email.indexOf('@')))));
    }

    public Map<String, Object> create(Map<String, Object> request) {
        return client.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).body(request).exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    }

    public Map<String, Object> get(Object id) {
        return client.get().uri("/api/v1/tickets/{id}", id).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    /** The ticket people call "#1042". */
    public Map<String, Object> byNumber(long number) {
        return client.get().uri("/api/v1/tickets/by-number/{n}", number).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    public Map<String, Object> patch(Object id, Map<String, Object> changes) {
        return client.patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON).body(changes)
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    public RestTestClient.ResponseSpec tryPatch(Object id, Map<String, Object> changes) {
        return client.patch().uri("/api/v1/tickets/{id}", id).contentType(MediaType.APPLICATION_JSON).body(changes)
                .exchange();
    }

    public Map<String, Object> status(Object id, String status) {
        return patch(id, json("status", status));
    }

    /** A public reply from the caller (the service team). */
    public Map<String, Object> reply(Object id, String body) {
        return message(id, json("body", body));
    }

    /** A message an integration relays from the customer. */
    public Map<String, Object> customerWrites(Object id, String body) {
        return message(id, json("body", body, "author", "customer"));
    }

    public Map<String, Object> message(Object id, Map<String, Object> request) {
        return client.post().uri("/api/v1/tickets/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .body(request).exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    }

    public Map<String, Object> note(Object id, String body) {
        return client.post().uri("/api/v1/tickets/{id}/notes", id).contentType(MediaType.APPLICATION_JSON)
                .body(json("body", body)).exchange().expectStatus().isCreated().expectBody(JSON).returnResult()
                .getResponseBody();
    }

    /** The whole timeline, page by page, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> timeline(Object id) {
        var entries = new ArrayList<Map<String, Object>>();
        String cursor = null;
        do {
            var uri = "/api/v1/tickets/" + id + "/timeline?limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
            var page = client.get().uri(uri).exchange().expectStatus().isOk().expectBody(JSON).returnResult()
                    .getResponseBody();
            entries.addAll((List<Map<String, Object>>) page.get("items"));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return entries;
    }

    /** One page of the ticket list for this query string (without the leading {@code ?}). */
    public Map<String, Object> list(String query) {
        return client.get().uri("/api/v1/tickets" + (query.isEmpty() ? "" : "?" + query)).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    /** Numbers of all tickets matching the query, following every cursor. */
    @SuppressWarnings("unchecked")
    public List<Long> numbers(String query) {
        var numbers = new ArrayList<Long>();
        String cursor = null;
        do {
            var page = list(query + (cursor == null ? "" : (query.isEmpty() ? "" : "&") + "cursor=" + cursor));
            ((List<Map<String, Object>>) page.get("items")).forEach(t -> numbers.add(((Number) t.get("number")).longValue()));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return numbers;
    }

    public static UUID id(Map<String, Object> ticket) {
        return UUID.fromString((String) ticket.get("id"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
