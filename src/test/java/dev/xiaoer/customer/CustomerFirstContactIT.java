package dev.xiaoer.customer;

import static dev.xiaoer.customer.CustomerFixtures.items;
import static dev.xiaoer.customer.CustomerFixtures.list;
import static dev.xiaoer.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** The first contacts of a customer through a channel: find-or-create by identity, also when they race. */
@IntegrationTest
class CustomerFirstContactIT {

    private static final int PARALLEL = 16;

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    CustomerManagement customers;

    @Test
    void aKnownIdentityFindsItsCustomerAndAnUnknownOneCreatesOne() {
        var shop = workspaces.create("First Contact Shop");
        var workspace = shop.workspace().id();

        var created = customers.findOrCreate(workspace, ChannelIdentity.email("Buyer@Example.com"), "Buyer One").id();
        var found = customers.findOrCreate(workspace, ChannelIdentity.email("buyer@example.com "), "Someone Else");

        assertThat(found).isEqualTo(new CustomerRef(created, "Buyer One"));
        assertThat(customers.get(workspace, created)).satisfies(customer -> {
            assertThat(customer.name()).isEqualTo("Buyer One");
            assertThat(customer.email()).isEqualTo("buyer@example.com");
        });
        assertThat(customers.findOrCreate(workspaces.create("Other Shop").workspace().id(),
                ChannelIdentity.email("buyer@example.com"), "Buyer One").id()).isNotEqualTo(created);
    }

    @Test
    void concurrentFirstContactsFromOneAddressYieldOneCustomer() throws Exception {
        var shop = workspaces.create("Rush Hour Shop");
        var workspace = shop.workspace().id();
        var identity = new ChannelIdentity(IdentityType.WECHAT_OPENID, "oRushHour-" + System.nanoTime());

        var ids = race(() -> customers.findOrCreate(workspace, identity, "赶集的顾客").id());

        assertThat(ids).hasSize(PARALLEL).containsOnly(ids.getFirst());
        var api = ApiClient.forToken(port, shop.token());
        assertThat(items(list(api, ""))).singleElement()
                .satisfies(customer -> assertThat(customer).containsEntry("id", ids.getFirst().toString()));
    }

    @Test
    void concurrentCreatesWithOneEmailLetExactlyOneThrough() throws Exception {
        var shop = workspaces.create("Double Click Shop");
        var api = ApiClient.forToken(port, shop.token());

        var statuses = race(() -> api.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                .body(json("name", "Double Clicker", "email", "double@example.com")).exchange()
                .returnResult().getStatus().value());

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 201).containsOnly(409);
        assertThat(items(list(api, ""))).hasSize(1);
    }

    private static <T> List<T> race(Callable<T> call) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(PARALLEL)) {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < PARALLEL; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
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
}
