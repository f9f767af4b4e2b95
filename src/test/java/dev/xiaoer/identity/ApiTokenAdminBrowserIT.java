package dev.xiaoer.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@RequiresBrowser
class ApiTokenAdminBrowserIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    IdentityManagement identity;

    @Test
    void anAdminCreatesATokenThatIsShownOnceAndWorksOnTheApi() {
        var shop = workspaces.create("Token Orchard");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.navigate("/admin/tokens");

            page.getByLabel("Name").fill("Shopify store");
            page.getByText("Read and write").first().click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();

            var issued = page.getByTestId("issued-token");
            assertThat(issued).containsText("Xiaoer shows it only this once");
            var secret = page.getByTestId("issued-secret").inputValue();
            assertThat(secret).startsWith("xo_");
            Browser.screenshot(page, "api-token-created");
            ApiClient.forToken(port, secret).get().uri("/api/v1/me").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.workspace.name").isEqualTo("Token Orchard")
                    .jsonPath("$.scopes[1]").isEqualTo("write");

            var row = rowOf(page, "Shopify store");
            assertThat(row).containsText("Read and write");
            assertThat(row.getByTestId("token-status")).hasText("Active");

            page.reload();
            assertThat(page.getByTestId("issued-token")).hasCount(0);
            assertThat(page.locator("body")).not().containsText(secret);
        }
    }

    @Test
    void aNamelessTokenIsRefusedWithAnExplanationAndNothingIsCreated() {
        var shop = workspaces.create("Nameless Token Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.navigate("/admin/tokens");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();

            assertThat(page.locator("#name-error")).hasText("Give the token a name.");
            assertThat(page.getByTestId("issued-token")).hasCount(0);
            assertThat(identity.tokens(shop.workspace().id())).hasSize(1);
        }
    }

    @Test
    void revokingATokenAfterConfirmingStopsItAtOnce() {
        var shop = workspaces.create("Revoke Orchard");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.navigate("/admin/tokens");
            var row = rowOf(page, "tests");

            row.getByTestId("revoke").click();
            var dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).containsText("Systems using it stop working at once");
            Browser.screenshot(page, "api-token-revoke");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
            assertThat(dialog).isHidden();
            assertThat(row.getByTestId("token-status")).hasText("Active");
            ApiClient.forToken(port, shop.token()).get().uri("/api/v1/me").exchange().expectStatus().isOk();

            row.getByTestId("revoke").click();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, go ahead")).click();

            assertThat(rowOf(page, "tests").getByTestId("token-status")).containsText("Revoked");
            assertThat(rowOf(page, "tests").getByTestId("revoke")).hasCount(0);
            ApiClient.forToken(port, shop.token()).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
        }
    }

    @Test
    void revokingATokenOfAnotherWorkspaceIsNotFoundAndChangesNothing() {
        var mine = workspaces.create("My Shop");
        var theirs = workspaces.create("Their Shop");
        var theirToken = identity.tokens(theirs.workspace().id()).getFirst();
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, mine.admin().email(), TestWorkspaces.PASSWORD);
            page.navigate("/admin/tokens");
            var csrf = RequestOptions.create()
                    .setHeader(page.locator("meta[name=_csrf_header]").getAttribute("content"),
                            page.locator("meta[name=_csrf]").getAttribute("content"));

            var asPage = page.request().post("/admin/tokens/" + theirToken.id() + "/revoke", csrf);
            var asHtmx = page.request().post("/admin/tokens/" + theirToken.id() + "/revoke",
                    csrf.setHeader("HX-Request", "true"));

            assertThat(asPage.status()).isEqualTo(404);
            assertThat(asPage.text()).contains("does not exist in this workspace").doesNotContain("Exception");
            assertThat(asHtmx.status()).isEqualTo(404);
            assertThat(asHtmx.headers()).containsEntry("hx-retarget", "#xo-notifications");
            assertThat(asHtmx.text()).contains("data-testid=\"problem-notice\"").doesNotContain("<html");
            assertThat(identity.tokens(theirs.workspace().id()).getFirst().active()).isTrue();
        }
    }

    @Test
    void aRefusedHtmxActionIsExplainedOnThePage() {
        var shop = workspaces.create("Stale Page Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.navigate("/admin/tokens");
            var row = rowOf(page, "tests");
            // Point the button at a token this workspace does not have, as a tampered or stale page would.
            row.getByTestId("revoke").evaluate("(button, id) => button.setAttribute('hx-post', '/admin/tokens/' + id + '/revoke')",
                    UUID.randomUUID().toString());
            page.evaluate("() => htmx.process(document.body)");

            row.getByTestId("revoke").click();
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Yes, go ahead")).click();

            assertThat(page.getByTestId("problem-notice")).containsText("does not exist in this workspace");
            assertThat(row.getByTestId("token-status")).hasText("Active");
        }
    }

    @Test
    void anAgentIsToldTheAdminPagesAreNotForTheirRole() {
        var shop = workspaces.create("Agents Only");
        var agent = workspaces.user(shop.workspace(), Role.AGENT);
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, agent.email(), TestWorkspaces.PASSWORD);

            var response = page.navigate("/admin/tokens");

            assertThat(response.status()).isEqualTo(403);
            assertThat(page.getByTestId("error-page")).containsText("You do not have access to this page");
            assertThat(page.locator("[data-nav=admin]")).hasCount(0);
            assertThat(page.getByTestId("workspace-name")).hasText("Agents Only");
        }
    }

    @Test
    void theMembersPageListsEveryoneWithTheirRole() {
        var shop = workspaces.create("Team Shop");
        var agent = workspaces.user(shop.workspace(), Role.AGENT);
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);

            page.locator("[data-nav=admin]").click();

            assertThat(page).hasURL(Pattern.compile(".*/admin/members$"));
            var members = page.getByTestId("members");
            assertThat(members.locator("tbody tr")).hasCount(2);
            assertThat(members.locator("tr", new Locator.LocatorOptions().setHasText(agent.email()))).containsText("Agent");
            assertThat(members.locator("tr", new Locator.LocatorOptions().setHasText(shop.admin().email())))
                    .containsText("Admin");
            Browser.screenshot(page, "members");
        }
    }

    private static Locator rowOf(Page page, String tokenName) {
        return page.locator("tr[data-token-name='" + tokenName + "']");
    }
}
