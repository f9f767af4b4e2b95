package dev.xiaoer.channel.chat;

import static dev.xiaoer.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Which pages may open a workspace's chat (its allowed origins), and shoppers a merchant vouches for
 * with a signed user id, over a real STOMP-over-WebSocket client sending the browser's headers.
 */
@IntegrationTest
class ChatOriginAndIdentityIT {

    private static final String SHOP = "https://shop.example.com";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChatSettingsRows settings;

    TestWorkspaces.TestWorkspace shop;
    TicketApi agent;
    ChatVisitorClient visitors;

    @BeforeEach
    void shopWithWidget() {
        shop = workspaces.create("Peach Orchard Direct");
        agent = TicketApi.forToken(port, shop.token());
        visitors = new ChatVisitorClient();
    }

    @AfterEach
    void stop() {
        visitors.close();
    }

    @Test
    void onlyPagesOfTheListedSitesAndOfXiaoerItselfOpenTheChat() throws Exception {
        settings.saveAllowedOrigins(shop.workspace().id(), List.of(SHOP));

        assertThatThrownBy(() -> connect("https://copycat.example.net", visitorId(), Map.of()))
                .hasStackTraceContaining("origin-not-allowed");
        assertThatThrownBy(() -> connect(null, visitorId(), Map.of()))
                .as("a client that names no page").hasStackTraceContaining("origin-not-allowed");

        var onTheShop = connect(SHOP, visitorId(), Map.of());
        onTheShop.send("c-1", "Do you ship peaches to Hangzhou?");
        assertThat(onTheShop.next()).containsEntry("type", "ack");

        var onTheDemoShop = connect("http://127.0.0.1:" + port, visitorId(), Map.of());
        onTheDemoShop.send("c-2", "Is the demo shop still allowed?");
        assertThat(onTheDemoShop.next()).containsEntry("type", "ack");
    }

    @Test
    void withoutListedSitesAnyPageOpensTheChat() throws Exception {
        var anywhere = connect("https://blog.example.org", visitorId(), Map.of());
        anywhere.send("c-1", "Hello from a blog");
        assertThat(anywhere.next()).containsEntry("type", "ack");
    }

    @Test
    void aSignedInShopperCarriesOnTheSameTicketFromAnotherDeviceAndHearsTheAnswerThere() throws Exception {
        var secret = settings.withSecret(shop.workspace().id()).signingSecret();
        var signedIn = Map.of(VisitorConnect.USER_HEADER, "shopper-42",
                VisitorConnect.USER_HASH_HEADER, hmacHex(secret, "shopper-42"));

        var phone = connect(SHOP, visitorId(), signedIn);
        phone.send("c-1", "我的订单 88123 还没发货");
        var first = phone.next();
        assertThat(first).containsEntry("type", "ack");
        phone.session.disconnect();

        var laptop = connect(SHOP, visitorId(), signedIn);
        laptop.send("c-2", "补充：收货地址改到杭州");
        assertThat(laptop.next()).containsEntry("type", "ack").containsEntry("ticketNumber", first.get("ticketNumber"));

        var ticket = agent.client.get().uri("/api/v1/tickets/by-number/{n}", first.get("ticketNumber")).exchange()
                .expectStatus().isOk().expectBody(TicketApi.JSON).returnResult().getResponseBody();
        var customer = agent.client.get().uri("/api/v1/customers/{id}", TicketApi.map(ticket.get("requester")).get("id"))
                .exchange().expectStatus().isOk().expectBody(TicketApi.JSON).returnResult().getResponseBody();
        assertThat(customer.get("identities")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains(json("type", "external", "value", "shopper-42"));

        agent.reply(TicketApi.id(ticket), "已改好地址，今天发货。");
        assertThat(laptop.next()).containsEntry("type", "message").containsEntry("text", "已改好地址，今天发货。");
    }

    @Test
    void aUserIdWithAForgedSignatureOrWithoutTheWorkspacesSecretIsRefused() throws Exception {
        var secret = settings.withSecret(shop.workspace().id()).signingSecret();
        var forged = Map.of(VisitorConnect.USER_HEADER, "shopper-42",
                VisitorConnect.USER_HASH_HEADER, hmacHex("not-the-" + secret, "shopper-42"));
        assertThatThrownBy(() -> connect(SHOP, visitorId(), forged)).hasStackTraceContaining("invalid-identity");
        var anotherUsersSignature = Map.of(VisitorConnect.USER_HEADER, "shopper-43",
                VisitorConnect.USER_HASH_HEADER, hmacHex(secret, "shopper-42"));
        assertThatThrownBy(() -> connect(SHOP, visitorId(), anotherUsersSignature))
                .hasStackTraceContaining("invalid-identity");

        var noSecretYet = workspaces.create("Shop without chat settings");
        assertThatThrownBy(() -> connect(noSecretYet, SHOP, visitorId(), Map.of(VisitorConnect.USER_HEADER, "shopper-42",
                VisitorConnect.USER_HASH_HEADER, hmacHex("a-guessed-secret", "shopper-42"))))
                .hasStackTraceContaining("invalid-identity");
    }

    private static String visitorId() {
        return "v-" + UUID.randomUUID();
    }

    /** What the merchant's backend computes: HMAC-SHA256 of the user id, keyed with the secret, in lowercase hex. */
    private static String hmacHex(String secret, String userId) throws GeneralSecurityException {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
    }

    private ChatStompIT.Visitor connect(String origin, String visitorId, Map<String, String> extra) throws Exception {
        return connect(shop, origin, visitorId, extra);
    }

    private ChatStompIT.Visitor connect(TestWorkspaces.TestWorkspace workspace, String origin, String visitorId,
                                        Map<String, String> extra) throws Exception {
        return visitors.connect(port, workspace.workspace().id().value().toString(), visitorId, origin, extra);
    }
}
