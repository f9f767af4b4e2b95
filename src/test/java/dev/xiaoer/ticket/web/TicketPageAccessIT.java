package dev.xiaoer.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.Role;
import dev.xiaoer.ticket.SelfServiceLinks;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.support.BrowserSession;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may open the agent pages and the self-service page, over real HTTP as a browser would. */
@IntegrationTest
class TicketPageAccessIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    IdentityManagement identity;
    @Autowired
    CustomerManagement customers;
    @Autowired
    TicketManagement tickets;
    @Autowired
    AgentManagement agents;
    @Autowired
    SelfServiceLinks links;

    Shops shops;

    @BeforeEach
    void shops() {
        shops = new Shops(workspaces, identity, customers, tickets, agents);
    }

    @Test
    void anAgentOfOneWorkspaceNeverSeesAnotherWorkspacesTicketsOrCustomers() {
        var a = shops.open("Workspace A", "Agent A");
        var b = shops.open("Workspace B", "Agent B");
        var aCustomer = a.customer("Alice of A", "alice@a.example", "en", null);
        var bCustomer = b.customer("Bob of B", "bob@b.example", "en", null);
        var aTicket = a.ticket(aCustomer, "A's only ticket", "Hello from A.");
        var bFirst = b.ticket(bCustomer, "B's first ticket", "Hello from B.");
        var bSecond = b.ticket(bCustomer, "B's second ticket", "Hello again from B.");
        assertThat(aTicket.number()).isEqualTo(bFirst.number());
        var browser = new BrowserSession(port);
        browser.signIn(a.adminEmail(), TestWorkspaces.PASSWORD);

        var sameNumber = browser.get("/tickets/" + aTicket.number());
        assertThat(sameNumber.statusCode()).isEqualTo(200);
        assertThat(sameNumber.body()).contains("A&#39;s only ticket").doesNotContain("B&#39;s first ticket")
                .doesNotContain("Bob of B");

        assertThat(browser.get("/tickets/" + bSecond.number()).statusCode()).isEqualTo(404);
        assertThat(browser.get("/customers/" + bCustomer.value()).statusCode()).isEqualTo(404);
        assertThat(browser.get("/customers/" + aCustomer.value()).statusCode()).isEqualTo(200);
        var list = browser.get("/tickets?view=all");
        assertThat(list.body()).contains("A&#39;s only ticket").doesNotContain("B&#39;s");
        var customerList = browser.get("/customers");
        assertThat(customerList.body()).contains("Alice of A").doesNotContain("Bob of B");

        browser.get("/tickets/" + aTicket.number());
        var write = browser.submit("/tickets/" + bSecond.number() + "/messages", Map.of("kind", "reply", "body", "Hi"));
        assertThat(write.statusCode()).isEqualTo(404);
        var change = browser.submit("/tickets/" + bSecond.number() + "/fields", Map.of("version", "1", "priority", "low"));
        assertThat(change.statusCode()).isEqualTo(404);
        var untouched = tickets.get(b.workspace.workspace().id(), bSecond.id());
        assertThat(untouched.version()).isEqualTo(bSecond.version());
        assertThat(tickets.timeline(untouched.workspace(), untouched.id(), null, 10).items()).hasSize(1);
    }

    @Test
    void theRootAddressIsTheAgentsInboxAndStationStaffAreKeptOutOfTicketPages() {
        var shop = shops.open("Station Shop", "Agent");
        var staff = workspaces.user(shop.workspace.workspace(), Role.STATION_STAFF);
        var agent = new BrowserSession(port);
        agent.signIn(shop.adminEmail(), TestWorkspaces.PASSWORD);
        assertThat(location(agent.get("/"))).isEqualTo("/tickets?view=mine");

        var station = new BrowserSession(port);
        station.signIn(staff.email(), TestWorkspaces.PASSWORD);
        assertThat(location(station.get("/"))).isEqualTo("/account");
        assertThat(station.get("/tickets").statusCode()).isEqualTo(403);
        assertThat(station.get("/customers").statusCode()).isEqualTo(403);

        var stranger = new BrowserSession(port);
        assertThat(location(stranger.get("/tickets"))).endsWith("/login");
    }

    @Test
    void aSelfServiceLinkOpensOnlyTheTicketAndCustomerItWasSignedFor() {
        var shop = shops.open("Link Shop", "Agent");
        var alice = shop.customer("Alice", "alice@example.com", "en", null);
        var bob = shop.customer("Bob", "bob@example.com", "en", null);
        var alicesTicket = shop.ticket(alice, "Alice's parcel", "Where is it?");
        var workspace = shop.workspace.workspace().id();
        var visitor = new BrowserSession(port);

        var own = visitor.get(SelfServiceLinks.PATH + links.token(workspace, alicesTicket.id(), alice));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Alice&#39;s parcel");

        var signedForBob = visitor.get(SelfServiceLinks.PATH + links.token(workspace, alicesTicket.id(), bob));
        assertThat(signedForBob.statusCode()).isEqualTo(404);
        assertThat(signedForBob.body()).doesNotContain("Alice&#39;s parcel").doesNotContain("Where is it?");

        var other = shops.open("Other Shop", "Agent");
        var wrongWorkspace = visitor.get(SelfServiceLinks.PATH
                + links.token(other.workspace.workspace().id(), alicesTicket.id(), alice));
        assertThat(wrongWorkspace.statusCode()).isEqualTo(404);
    }

    @Test
    void aSelfServiceReplyNeedsTheFormsCsrfToken() {
        var shop = shops.open("Csrf Shop", "Agent");
        var alice = shop.customer("Alice", "alice@example.com", "en", null);
        var ticket = shop.ticket(alice, "Parcel", "Where is it?");
        var path = SelfServiceLinks.PATH + links.token(shop.workspace.workspace().id(), ticket.id(), alice);
        var visitor = new BrowserSession(port);
        visitor.get(path);

        assertThat(visitor.post(path, Map.of("body", "forged")).statusCode()).isEqualTo(403);
        assertThat(visitor.submit(path, Map.of("body", "mine")).statusCode()).isEqualTo(302);
        var bodies = tickets.timeline(ticket.workspace(), ticket.id(), null, 10).items().stream()
                .map(entry -> entry.body()).toList();
        assertThat(bodies).contains("mine").doesNotContain("forged");
    }

    @Test
    void anAttachmentDownloadsOnlyFromItsOwnTicket() {
        var shop = shops.open("Attachment Shop", "Agent");
        var alice = shop.customer("Alice", "alice@example.com", "en", null);
        var first = shop.ticket(alice, "First", "One.");
        var second = shop.ticket(alice, "Second", "Two.");
        var file = tickets.attach(shop.admin, first.id(), "receipt.txt", "Paid 42 CNY".getBytes(StandardCharsets.UTF_8));
        var browser = new BrowserSession(port);
        browser.signIn(shop.adminEmail(), TestWorkspaces.PASSWORD);

        var download = browser.get("/tickets/" + first.number() + "/attachments/" + file.id());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("Paid 42 CNY");
        assertThat(download.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");
        assertThat(browser.get("/tickets/" + second.number() + "/attachments/" + file.id()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSelfServiceLinkDownloadsOnlyTheFilesOfItsOwnTicket() {
        var shop = shops.open("Link File Shop", "Agent");
        var alice = shop.customer("Alice", "alice@example.com", "en", null);
        var bob = shop.customer("Bob", "bob@example.com", "en", null);
        var alicesTicket = shop.ticket(alice, "Alice's parcel", "Where is it?");
        var alicesOther = shop.ticket(alice, "Alice's refund", "Refund please.");
        var bobsTicket = shop.ticket(bob, "Bob's parcel", "Where is mine?");
        var own = tickets.attach(shop.admin, alicesTicket.id(), "label.txt", bytes("Label for Alice"));
        var otherOfHers = tickets.attach(shop.admin, alicesOther.id(), "refund.txt", bytes("Refund 42 CNY"));
        var bobs = tickets.attach(shop.admin, bobsTicket.id(), "invoice.txt", bytes("Invoice of Bob"));
        var other = shops.open("Other File Shop", "Agent");
        var carol = other.customer("Carol", "carol@example.com", "en", null);
        var carols = tickets.attach(other.admin, other.ticket(carol, "Carol's parcel", "Hi.").id(), "carol.txt",
                bytes("Carol's address"));
        var link = SelfServiceLinks.PATH + links.token(shop.workspace.workspace().id(), alicesTicket.id(), alice);
        var visitor = new BrowserSession(port);

        var download = visitor.get(link + "/attachments/" + own.id());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("Label for Alice");

        for (var foreign : List.of(otherOfHers, bobs, carols)) {
            var refused = visitor.get(link + "/attachments/" + foreign.id());
            assertThat(refused.statusCode()).as(foreign.fileName()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain("Refund 42 CNY").doesNotContain("Invoice of Bob")
                    .doesNotContain("Carol&#39;s address").doesNotContain(foreign.fileName());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLinkToATicketThatWasMergedLeadsToTheTicketItWasMergedInto() {
        var shop = shops.open("Merge Shop", "Agent");
        var alice = shop.customer("Alice", "alice@example.com", "en", null);
        var first = shop.ticket(alice, "Parcel late", "Where is it?");
        var second = shop.ticket(alice, "Parcel still late", "Any news?");
        tickets.merge(shop.admin, first.id(), second.id());
        var visitor = new BrowserSession(port);

        var old = visitor.get(SelfServiceLinks.PATH + links.token(shop.workspace.workspace().id(), first.id(), alice));

        var target = location(old);
        assertThat(target).startsWith(SelfServiceLinks.PATH);
        assertThat(visitor.get(target).body()).contains("Parcel still late").contains("Where is it?");
    }

    @Test
    void filtersThatAreNotValuesOfTheListAreRefusedAsABadRequest() {
        var shop = shops.open("Bad Filter Shop", "Agent");
        var browser = new BrowserSession(port);
        browser.signIn(shop.adminEmail(), TestWorkspaces.PASSWORD);

        assertThat(browser.get("/tickets?status=bogus").statusCode()).isEqualTo(400);
        assertThat(browser.get("/tickets?view=everything").statusCode()).isEqualTo(400);
        assertThat(browser.get("/tickets?assignee=someone").statusCode()).isEqualTo(400);
        assertThat(browser.get("/tickets?cursor=not-a-cursor").statusCode()).isEqualTo(400);
        assertThat(browser.get("/customers/not-an-id").statusCode()).isEqualTo(400);
    }

    private static String location(HttpResponse<?> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }
}
