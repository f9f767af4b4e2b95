package dev.xiaoer.channel;

import static dev.xiaoer.support.ApiClient.json;
import static dev.xiaoer.ticket.TicketApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class InboundMessagesIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    TicketApi api;

    @BeforeEach
    void newWorkspace() {
        api = TicketApi.forToken(port, workspaces.create("County Agri Programme").token());
    }

    @Test
    void theFirstMessageOfAThreadOpensATicketAndTheNextOnesContinueIt() {
        var first = receive(message("+86 138 0013 8000", "order-88123", "复合肥一周了还没到。"), 201);
        var second = receive(message("+8613800138000", "order-88123", "请问什么时候能到？"), 200);

        assertThat(first).containsEntry("ticketCreated", true).containsEntry("number", 1001);
        assertThat(second).containsEntry("ticketId", first.get("ticketId")).containsEntry("ticketCreated", false)
                .containsEntry("customerId", first.get("customerId"));
        var ticket = api.get(first.get("ticketId"));
        assertThat(ticket).containsEntry("channel", "wechat").containsEntry("subject", "化肥还没到");
        assertThat(map(ticket.get("requester"))).containsEntry("name", "李娜");
        assertThat(api.timeline(first.get("ticketId"))).extracting(e -> map(e.get("author")).get("type") + ":" + e.get("body"))
                .containsExactly("customer:复合肥一周了还没到。", "customer:请问什么时候能到？");

        var otherThread = receive(message("+86 138 0013 8000", "order-99000", "另一个订单"), 201);
        assertThat(otherThread.get("ticketId")).isNotEqualTo(first.get("ticketId"));
        var noThread = receive(message("+86 138 0013 8000", null, "没有会话号的消息"), 201);
        assertThat(noThread).containsEntry("number", 1003);
    }

    @Test
    void firstMessagesOfOneThreadArrivingTogetherEndUpOnOneTicket() throws Exception {
        var results = new ArrayList<Future<Map<String, Object>>>();
        var start = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var i = 0; i < 8; i++) {
                var body = "Burst " + i;
                results.add(executor.submit(() -> {
                    start.await();
                    return post(api.client, message("+86 137 0000 0000", "burst", body)).expectBody(TicketApi.JSON)
                            .returnResult().getResponseBody();
                }));
            }
            start.countDown();
        }

        var tickets = new HashSet<Object>();
        for (var result : results) {
            tickets.add(result.get().get("ticketId"));
        }
        assertThat(tickets).hasSize(1);
        var ticket = tickets.iterator().next();
        assertThat(api.timeline(ticket)).filteredOn(e -> "message".equals(e.get("kind"))).extracting(e -> e.get("body"))
                .containsExactlyInAnyOrder("Burst 0", "Burst 1", "Burst 2", "Burst 3", "Burst 4", "Burst 5", "Burst 6",
                        "Burst 7");
        assertThat(api.numbers("status=new")).hasSize(1);
    }

    @Test
    void aMessageWithoutSubjectTakesItsFirstLine() {
        var result = receive(json("channel", "chat", "from", json("visitor_id", "v-42"),
                "body", "Is the durian box still in stock?\nI want two."), 201);

        assertThat(api.get(result.get("ticketId"))).containsEntry("subject", "Is the durian box still in stock?")
                .containsEntry("channel", "chat");
    }

    @Test
    void aSolvedThreadReopensAndAClosedOneContinuesOnAFollowUp() {
        var first = receive(message("+86 139 0000 0001", "t-1", "Seeds did not sprout."), 201);
        api.status(first.get("ticketId"), "solved");

        receive(message("+86 139 0000 0001", "t-1", "Still nothing."), 200);
        assertThat(api.get(first.get("ticketId"))).containsEntry("status", "open");

        api.status(first.get("ticketId"), "solved");
        api.status(first.get("ticketId"), "closed");
        var followUp = receive(message("+86 139 0000 0001", "t-1", "Now the leaves are yellow."), 201);
        assertThat(followUp.get("ticketId")).isNotEqualTo(first.get("ticketId"));
        assertThat(followUp).containsEntry("followUpOf", first.get("ticketId")).containsEntry("ticketCreated", true);

        var next = receive(message("+86 139 0000 0001", "t-1", "Photo attached."), 200);
        assertThat(next).containsEntry("ticketId", followUp.get("ticketId"));
    }

    @Test
    void anotherSenderOnTheSameThreadIdGetsATicketOfTheirOwn() {
        var mine = receive(message("+86 139 0000 0001", "shared-thread", "Mine"), 201);
        var theirs = receive(message("+86 139 0000 0002", "shared-thread", "Theirs"), 201);

        assertThat(theirs.get("ticketId")).isNotEqualTo(mine.get("ticketId"));
        assertThat(api.timeline(mine.get("ticketId"))).hasSize(1);
    }

    @Test
    void threadsOfAnotherWorkspaceAreNeverContinued() {
        var other = TicketApi.forToken(port, workspaces.create("Other Programme").token());
        var theirs = post(other.client, message("+86 139 0000 0001", "t-9", "Theirs")).expectStatus().isCreated()
                .expectBody(TicketApi.JSON).returnResult().getResponseBody();

        var mine = receive(message("+86 139 0000 0001", "t-9", "Mine"), 201);

        assertThat(mine.get("ticketId")).isNotEqualTo(theirs.get("ticketId"));
        assertThat(mine.get("customerId")).isNotEqualTo(theirs.get("customerId"));
        assertThat(other.timeline(theirs.get("ticketId"))).hasSize(1);
    }

    @Test
    void badInputIsA400NamingTheFieldAndFilesNothing() {
        expectBadRequest(json("channel", "api", "from", json("email", "a@example.com", "phone", "+86 138"), "body", "x"), "from");
        expectBadRequest(json("channel", "api", "from", json("name", "nobody"), "body", "x"), "from");
        expectBadRequest(json("channel", "api", "from", json("email", "a@example.com")), "body");
        expectBadRequest(json("channel", "pigeon", "from", json("email", "a@example.com"), "body", "x"), "channel");
        expectBadRequest(json("channel", "api", "from", json("email", "a@example.com"), "body", "x",
                "subject", "s".repeat(201)), "subject");
        expectBadRequest(json("channel", "api", "from", json("phone", "no digits"), "body", "x"), "from.phone");
        expectBadRequest(json("channel", "api", "from", json("email", "a@example.com"), "body", "x", "sender", "?"), "sender");

        assertThat((List<?>) api.list("").get("items")).isEmpty();
    }

    private void expectBadRequest(Map<String, Object> request, String field) {
        post(api.client, request).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private static Map<String, Object> message(String phone, String thread, String body) {
        return json("channel", "wechat", "from", json("phone", phone, "name", "李娜"), "subject", "化肥还没到",
                "body", body, "externalThreadId", thread);
    }

    private Map<String, Object> receive(Map<String, Object> request, int status) {
        return post(api.client, request).expectStatus().isEqualTo(status).expectBody(TicketApi.JSON).returnResult()
                .getResponseBody();
    }

    private static RestTestClient.ResponseSpec post(RestTestClient client, Map<String, Object> request) {
        return client.post().uri("/api/v1/inbound-messages").contentType(MediaType.APPLICATION_JSON).body(request)
                .exchange();
    }
}
