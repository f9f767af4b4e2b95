package dev.xiaoer.ticket;

import static dev.xiaoer.support.ApiClient.json;
import static dev.xiaoer.ticket.TicketApi.id;
import static dev.xiaoer.ticket.TicketApi.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.customer.CustomerMerged;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.MutableClock;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.infra.AutoCloseTask;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class TicketLifecycleIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    MutableClock clock;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    TicketManagement tickets;

    @Autowired
    SelfServiceLinks links;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    RequesterMoves requesterMoves;

    TestWorkspaces.TestWorkspace shop;
    TicketApi api;

    @BeforeEach
    void newWorkspace() {
        shop = workspaces.create("Village Seeds");
        api = TicketApi.forToken(port, shop.token());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void movesThroughTheLifecycleWithAStatusEntryForEachStep() {
        var ticket = api.create("farmer@example.com", "Fertilizer not delivered");

        for (var status : List.of("open", "pending", "on_hold", "solved", "closed")) {
            assertThat(api.status(id(ticket), status)).containsEntry("status", status);
        }

        var changes = api.timeline(id(ticket)).stream().filter(e -> e.get("kind").equals("status_change"))
                .map(e -> map(e.get("change"))).map(c -> c.get("from") + "→" + c.get("to")).toList();
        assertThat(changes).containsExactly("new→open", "open→pending", "pending→on_hold", "on_hold→solved",
                "solved→closed");
        var closed = api.get(id(ticket));
        assertThat(closed).containsEntry("version", 6);
        assertThat(closed.get("solvedAt")).isNotNull();
        assertThat(closed.get("closedAt")).isNotNull();
    }

    @Test
    void refusesIllegalTransitionsWithANamedProblemAndChangesNothing() {
        var ticket = api.create("farmer@example.com", "Fertilizer not delivered");

        api.tryPatch(id(ticket), json("status", "closed", "priority", "urgent")).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/illegal-status-transition")
                .jsonPath("$.detail").isEqualTo("A ticket cannot go from new to closed.");
        api.status(id(ticket), "open");
        api.tryPatch(id(ticket), json("status", "new")).expectStatus().isEqualTo(409);
        api.tryPatch(id(ticket), json("status", "closed")).expectStatus().isEqualTo(409);
        assertThat(api.get(id(ticket))).containsEntry("status", "open").containsEntry("priority", "normal")
                .containsEntry("version", 2);

        api.status(id(ticket), "solved");
        api.status(id(ticket), "closed");
        api.tryPatch(id(ticket), json("status", "open")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/ticket-closed");
        api.tryPatch(id(ticket), json("subject", "Renamed")).expectStatus().isEqualTo(409);
        api.client.post().uri("/api/v1/tickets/{id}/notes", id(ticket)).contentType(MediaType.APPLICATION_JSON)
                .body(json("body", "too late")).exchange().expectStatus().isEqualTo(409);
        assertThat(api.get(id(ticket))).containsEntry("status", "closed").containsEntry("version", 4);
    }

    @Test
    void anAgentsReplyOpensANewTicketAndCarriesTheCustomersSelfServiceLink() {
        var ticket = api.create("farmer@example.com", "Which dose for wheat?");

        var reply = api.reply(id(ticket), "Use 20 kg per mu before sowing.");

        assertThat(map(reply.get("ticket"))).containsEntry("status", "open").containsEntry("version", 2);
        assertThat(map(reply.get("entry"))).containsEntry("kind", "message").containsEntry("body",
                "Use 20 kg per mu before sowing.");
        var url = URI.create((String) reply.get("selfServiceUrl"));
        assertThat(url.toString()).startsWith("http://localhost:8080" + SelfServiceLinks.PATH);
        var access = links.verify(url.getPath().substring(SelfServiceLinks.PATH.length()));
        assertThat(access.ticket().value()).isEqualTo(id(ticket));
        assertThat(access.customer().value().toString()).isEqualTo(map(ticket.get("requester")).get("id"));
        assertThat(access.workspace()).isEqualTo(shop.workspace().id());
        assertThat(access.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(29)));

        var relayed = api.customerWrites(id(ticket), "Thanks!");
        assertThat(relayed.get("selfServiceUrl")).isNull();
        assertThat(map(map(relayed.get("entry")).get("author"))).containsEntry("type", "customer");
    }

    @Test
    void aReplyCanSetTheStatusAndANoteStaysInternal() {
        var ticket = api.create("farmer@example.com", "Parcel missing");

        var reply = api.message(id(ticket), json("body", "Could you send a photo of the label?", "status", "pending"));
        var note = api.note(id(ticket), "Courier says delivered; check with station.");

        assertThat(map(reply.get("ticket"))).containsEntry("status", "pending").containsEntry("version", 2);
        assertThat(note).containsEntry("kind", "note").containsEntry("internal", true);
        assertThat(api.timeline(id(ticket))).extracting(e -> e.get("kind"))
                .containsExactly("message", "message", "status_change", "status_change", "note");
        api.client.post().uri("/api/v1/tickets/{id}/messages", id(ticket)).contentType(MediaType.APPLICATION_JSON)
                .body(json("body", "hi", "author", "customer", "status", "solved")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void aCustomerReplyReopensASolvedOrPendingTicket() {
        var solvedTicket = api.create("farmer@example.com", "Spoiled apples");
        api.status(id(solvedTicket), "solved");
        var pendingTicket = api.create("farmer@example.com", "Which address?");
        api.status(id(pendingTicket), "pending");
        var onHold = api.create("farmer@example.com", "Waiting for the supplier");
        api.status(id(onHold), "on_hold");

        assertThat(map(api.customerWrites(id(solvedTicket), "They are still bad.").get("ticket")))
                .containsEntry("status", "open");
        assertThat(map(api.customerWrites(id(pendingTicket), "No. 5 Village Road").get("ticket")))
                .containsEntry("status", "open");
        assertThat(map(api.customerWrites(id(onHold), "Any news?").get("ticket"))).containsEntry("status", "on_hold");
        assertThat(api.get(id(solvedTicket)).get("solvedAt")).isNull();
        var reopen = api.timeline(id(solvedTicket)).getLast();
        assertThat(map(reopen.get("change"))).containsEntry("from", "solved").containsEntry("to", "open");
    }

    @Test
    void aMessageToAClosedTicketStartsALinkedFollowUp() {
        var original = api.create(json("subject", "Cross-border return", "body", "How do I send it back?",
                "requester", json("email", "buyer@example.com"), "type", "after_sales", "tags", List.of("return")));
        api.status(id(original), "solved");
        api.status(id(original), "closed");

        var first = api.customerWrites(id(original), "The return label does not work.");
        var second = api.customerWrites(id(original), "Hello?");

        var followUp = map(first.get("ticket"));
        assertThat(followUp.get("id")).isNotEqualTo(original.get("id"));
        assertThat(followUp).containsEntry("number", 1002).containsEntry("status", "new");
        assertThat(map(first.get("followUpOf"))).containsEntry("id", original.get("id")).containsEntry("number", 1001);
        assertThat(map(second.get("ticket"))).containsEntry("id", followUp.get("id"));
        var created = api.get(followUp.get("id"));
        assertThat(created).containsEntry("subject", "Cross-border return").containsEntry("type", "after_sales")
                .containsEntry("tags", List.of("return"));
        assertThat(map(created.get("followUpOf"))).containsEntry("number", 1001);
        assertThat(api.timeline(followUp.get("id"))).extracting(e -> e.get("body"))
                .containsExactly("The return label does not work.", "Hello?");
        var closedTimeline = api.timeline(id(original));
        assertThat(closedTimeline.getLast()).containsEntry("kind", "follow_up");
        assertThat(map(closedTimeline.getLast().get("relatedTicket"))).containsEntry("number", 1002);
        assertThat(api.get(id(original))).containsEntry("status", "closed");
    }

    @Test
    void solvedTicketsCloseByThemselvesAfterTheConfiguredDays() {
        var ticket = api.create("farmer@example.com", "Seeds did not sprout");
        var reopened = api.create("farmer@example.com", "Wrong colour");
        api.status(id(ticket), "solved");
        api.status(id(reopened), "solved");
        api.customerWrites(id(reopened), "Actually, still wrong.");

        clock.advance(Duration.ofDays(3).plusHours(23));
        tickets.closeSolvedTickets();
        assertThat(api.get(id(ticket))).containsEntry("status", "solved");

        clock.advance(Duration.ofHours(2));
        scheduler.reschedule(TaskInstanceId.of(AutoCloseTask.NAME, RecurringTask.INSTANCE), Instant.now());

        await().atMost(Duration.ofSeconds(20)).until(() -> "closed".equals(api.get(id(ticket)).get("status")));
        var closing = api.timeline(id(ticket)).getLast();
        assertThat(map(closing.get("author"))).containsEntry("type", "system");
        assertThat(map(closing.get("change"))).containsEntry("from", "solved").containsEntry("to", "closed");
        assertThat(api.get(id(reopened))).containsEntry("status", "open");
    }

    @Test
    void mergingJoinsTimelinesAndClosesTheSourceWithALink() {
        var target = api.create("farmer@example.com", "Fertilizer late");
        var source = api.create("farmer@example.com", "Where is my fertilizer??");
        api.note(id(source), "Duplicate of the first one.");

        var merged = api.client.post().uri("/api/v1/tickets/{id}/merge", id(source))
                .contentType(MediaType.APPLICATION_JSON).body(json("into", id(target))).exchange()
                .expectStatus().isOk().expectBody(TicketApi.JSON).returnResult().getResponseBody();

        assertThat(merged).containsEntry("id", target.get("id")).containsEntry("version", 2);
        var targetTimeline = api.timeline(id(target));
        assertThat(targetTimeline).extracting(e -> e.get("kind") + "/" + e.get("mergedFromNumber"))
                .containsExactly("message/null", "message/1002", "note/1002", "merge/null");
        assertThat(map(targetTimeline.getLast().get("relatedTicket"))).containsEntry("number", 1002);
        var closedSource = api.get(id(source));
        assertThat(closedSource).containsEntry("status", "closed");
        assertThat(map(closedSource.get("mergedInto"))).containsEntry("id", target.get("id")).containsEntry("number", 1001);
        assertThat(api.timeline(id(source))).extracting(e -> e.get("kind")).endsWith("merge", "status_change");

        var redirected = api.customerWrites(id(source), "Any news?");
        assertThat(map(redirected.get("ticket"))).containsEntry("id", target.get("id"));
        api.client.post().uri("/api/v1/tickets/{id}/merge", id(target)).contentType(MediaType.APPLICATION_JSON)
                .body(json("into", id(target))).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/cannot-merge-ticket");
        api.client.post().uri("/api/v1/tickets/{id}/merge", id(target)).contentType(MediaType.APPLICATION_JSON)
                .body(json("into", id(source))).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://xiaoer.dev/problems/ticket-closed");
    }

    @Test
    void aCustomerMergeMovesTheirTicketsOnceWithATimelineEntry() {
        var fromTicket = api.create("old-address@example.com", "Order 1");
        var toTicket = api.create("new-address@example.com", "Order 2");
        var from = new CustomerId(UUID.fromString((String) map(fromTicket.get("requester")).get("id")));
        var to = new CustomerId(UUID.fromString((String) map(toTicket.get("requester")).get("id")));
        var merged = new CustomerMerged(shop.workspace().id(), from, to, Instant.now());

        transaction.executeWithoutResult(status -> events.publishEvent(merged));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> to.value().toString().equals(map(api.get(id(fromTicket)).get("requester")).get("id")));
        var entry = api.timeline(id(fromTicket)).getLast();
        assertThat(map(entry.get("change"))).containsEntry("field", "requester").containsEntry("toLabel", "new-address");
        assertThat(api.numbers("requester=" + to.value())).containsExactlyInAnyOrder(1001L, 1002L);

        // Delivered again (delivery is at least once): nothing left to move, nothing recorded.
        requesterMoves.on(merged);
        assertThat(api.timeline(id(fromTicket))).hasSize(2);
        assertThat(api.get(id(fromTicket))).containsEntry("version", 2);
    }
}
