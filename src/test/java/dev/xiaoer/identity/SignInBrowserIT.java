package dev.xiaoer.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@RequiresBrowser
class SignInBrowserIT extends BrowserTest {

    private static final Pattern SIGN_IN_PAGE = Pattern.compile(".*/login(\\?.*)?$");

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    IdentityManagement identity;

    @Test
    void aMemberSignsInAndLandsInTheInboxOfTheirWorkspace() {
        var shop = workspaces.create("Green Valley Seeds");
        identity.updateProfile(shop.admin().id(), "Lin Wang", java.util.Locale.ENGLISH);
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            page.navigate("/");

            assertThat(page).hasURL(SIGN_IN_PAGE);
            assertThat(page.locator("h1")).hasText("Sign in to your workspace");
            Browser.screenshot(page, "sign-in");

            page.getByLabel("E-mail").fill(shop.admin().email());
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(TestWorkspaces.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            assertThat(page).hasURL(Pattern.compile(".*/tickets\\?view=mine$"));
            assertThat(page.getByTestId("workspace-name")).hasText("Green Valley Seeds");
            assertThat(page.locator(".xo-topbar .xo-user-name")).hasText("Lin Wang");
            assertThat(page.locator("h1")).hasText("Tickets");
            assertThat(page.getByTestId("tickets-empty")).containsText("Nothing is waiting for you");
            Browser.screenshot(page, "home");
            page.navigate("/account");
            assertThat(page.getByTestId("workspace-card")).containsText("Asia/Shanghai");
        }
    }

    @Test
    void aWrongPasswordKeepsTheUserOutAndSaysWhatToCheck() {
        var shop = workspaces.create("Wrong Password Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();

            signInExpectingToStay(page, shop.admin().email(), "not the password");

            assertThat(page.getByTestId("login-error"))
                    .containsText("The e-mail or password is not right. Check both and try again.");
            assertThat(page.locator("#password")).hasAttribute("aria-invalid", "true");
            assertThat(page.getByLabel("E-mail")).hasValue(shop.admin().email());
            Browser.screenshot(page, "sign-in-error");
            page.navigate("/");
            assertThat(page).hasURL(SIGN_IN_PAGE);
        }
    }

    @Test
    void aChineseBrowserSeesTheSignInPageAndItsErrorsInChinese() {
        var shop = workspaces.create("中文店铺");
        try (var context = browser.context(port, "zh-CN", 1280, 860)) {
            var page = context.newPage();
            page.navigate("/login");

            assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
            assertThat(page.locator("h1")).hasText("登录您的工作区");
            assertThat(page.getByLabel("邮箱")).isVisible();
            Browser.screenshot(page, "sign-in-zh");

            signInExpectingToStay(page, shop.admin().email(), "错误的密码");
            assertThat(page.getByTestId("login-error")).containsText("邮箱或密码不正确");
        }
    }

    @Test
    void repeatedWrongPasswordsPauseSignInEvenWithTheRightPassword() {
        var shop = workspaces.create("Throttled Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            for (int attempt = 0; attempt < 5; attempt++) {
                signInExpectingToStay(page, shop.admin().email(), "guess " + attempt);
            }

            signInExpectingToStay(page, shop.admin().email(), TestWorkspaces.PASSWORD);

            assertThat(page).hasURL(Pattern.compile(".*/login\\?throttled$"));
            assertThat(page.getByTestId("login-throttled")).containsText("Try again in a few minutes.");
        }
    }

    @Test
    void signingOutEndsTheSessionAndSaysSo() {
        var shop = workspaces.create("Sign Out Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);

            page.getByTestId("user-menu-desktop").click();
            page.locator(".xo-topbar").getByTestId("sign-out").click();

            assertThat(page).hasURL(Pattern.compile(".*/login\\?signedOut$"));
            assertThat(page.getByTestId("login-signed-out")).containsText("You have signed out");
            page.navigate("/");
            assertThat(page).hasURL(SIGN_IN_PAGE);
        }
    }

    private static void signInExpectingToStay(Page page, String email, String password) {
        page.navigate("/login");
        page.locator("#username").fill(email);
        page.locator("#password").fill(password);
        page.waitForNavigation(() -> page.locator("form button[type=submit]").click());
        assertThat(page).hasURL(SIGN_IN_PAGE);
    }
}
