package dev.xiaoer.channel.chat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.xiaoer.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The widget for a shopper the merchant signed in: the snippet's user id and signature reach
 * Xiaoer, and the chat is filed under the shop's user id.
 */
@IntegrationTest
@RequiresBrowser
class ChatSignedInShopperBrowserIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChatSettingsRows settings;

    @Test
    void aSignedInShoppersChatIsFiledUnderTheShopsUserId() {
        var shop = workspaces.create("Orchard Shop With Accounts");
        var secret = settings.withSecret(shop.workspace().id()).signingSecret();

        try (var visitorBrowser = browser.desktop(port)) {
            // The demo shop stands in for the merchant's page; its server would render these two attributes
            // into the snippet for a signed-in shopper. (A page served by the test itself would be another
            // address space to Chromium, which then refuses to load the widget from localhost.)
            visitorBrowser.addInitScript("""
                    new MutationObserver(function (changes, observer) {
                      var snippet = document.querySelector('script[data-workspace]');
                      if (snippet) {
                        snippet.setAttribute('data-user-id', 'member-7');
                        snippet.setAttribute('data-user-hash', '%s');
                        observer.disconnect();
                      }
                    }).observe(document, { childList: true, subtree: true });"""
                    .formatted(VisitorIdentity.sign(secret, "member-7")));
            var page = visitorBrowser.newPage();
            page.navigate("/chat/demo-shop?workspace=" + shop.workspace().id().value());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the chat with the service team"))
                    .click();
            var chat = page.getByRole(AriaRole.DIALOG);
            chat.locator("textarea").fill("Where is order 88123?");
            chat.locator("textarea").press("Enter");
            assertThat(chat.locator(".xo-visitor").last()).containsText("Delivered");
        }

        var agent = TicketApi.forToken(port, shop.token());
        var ticket = agent.client.get().uri("/api/v1/tickets/by-number/{n}", agent.numbers("").getFirst()).exchange()
                .expectBody(TicketApi.JSON).returnResult().getResponseBody();
        var customer = agent.client.get().uri("/api/v1/customers/{id}", TicketApi.map(ticket.get("requester")).get("id"))
                .exchange().expectBody(TicketApi.JSON).returnResult().getResponseBody();
        assertThat(customer.get("identities")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(json("type", "external", "value", "member-7"));
    }
}
