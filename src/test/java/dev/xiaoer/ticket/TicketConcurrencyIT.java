package dev.xiaoer.ticket;

import static dev.xiaoer.support.ApiClient.json;
import static dev.xiaoer.ticket.TicketApi.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class TicketConcurrencyIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    TicketApi api;

    @BeforeEach
    void newWorkspace() {
        api = TicketApi.forToken(port, workspaces.create("Busy Shop").token());
    }

    @Test
    void fiftyParallelRepliesLeaveFiftyMessagesAndAConsistentTicket() throws Exception {
        var ticket = api.create("buyer@example.com", "Where is my order?");

        var replies = inParallel(50, i -> api.reply(id(ticket), "Reply " + i));

        var timeline = api.timeline(id(ticket));
        var messages = timeline.stream().filter(e -> e.get("kind").equals("message")).toList();
        assertThat(messages).hasSize(51);
        assertThat(messages.stream().map(e -> e.get("body")).filter(b -> ((String) b).startsWith("Reply ")).distinct())
                .hasSize(50);
        var after = api.get(id(ticket));
        assertThat(after).containsEntry("version", 51).containsEntry("status", "open");
        var lastEntry = timeline.stream().map(e -> Instant.parse((String) e.get("createdAt")))
                .max(Comparator.naturalOrder()).orElseThrow();
        assertThat(Instant.parse((String) after.get("updatedAt"))).isEqualTo(lastEntry);
        // Each reply saw its own, distinct version of the ticket.
        assertThat(replies.stream().map(r -> TicketApi.map(r.get("ticket")).get("version")).distinct()).hasSize(50);
    }

    @Test
    void thirtyTicketsCreatedInParallelGetThirtyDistinctNumbers() throws Exception {
        var created = inParallel(30, i -> api.create(json("subject", "Parallel " + i, "body", "Hello",
                "requester", json("email", "buyer" + (i % 3) + "@example.com"))));

        var numbers = new HashSet<Long>();
        created.forEach(ticket -> numbers.add(((Number) ticket.get("number")).longValue()));
        assertThat(numbers).hasSize(30).allSatisfy(number -> assertThat(number).isBetween(1001L, 1030L));
        assertThat(api.numbers("limit=100")).hasSize(30).containsExactlyInAnyOrderElementsOf(numbers);
    }

    /** Runs the calls at the same moment, each on its own thread, and returns their results. */
    private static <T> List<T> inParallel(int count, IndexedCall<T> call) throws Exception {
        var start = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<T>>();
            for (var i = 0; i < count; i++) {
                var index = i;
                futures.add(executor.submit((Callable<T>) () -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @FunctionalInterface
    private interface IndexedCall<T> {
        T call(int index) throws Exception;
    }
}
