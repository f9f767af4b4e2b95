package dev.xiaoer.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@RequiresBrowser
class PageShellBrowserIT extends BrowserTest {

    private static final int PHONE_WIDTH = 360;

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void onAPhoneEveryPageFitsTheScreenAndTheMenuOpensFromItsButton() {
        var shop = workspaces.create("Phone Shop With A Rather Long Name For A Small Screen");
        try (var context = browser.context(port, "en-US", PHONE_WIDTH, 740)) {
            var page = context.newPage();
            page.navigate("/login");
            assertFitsTheScreen(page);
            Browser.screenshot(page, "sign-in-phone");

            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            assertFitsTheScreen(page);
            assertThat(page.locator("[data-nav=tickets]")).isHidden();
            Browser.screenshot(page, "home-phone");

            page.getByLabel("Open or close the menu").click();
            assertThat(page.locator("[data-nav=tickets]")).isVisible();
            assertThat(page.locator("[data-nav=admin]")).isVisible();
            page.locator("#xo-nav.collapse.show").waitFor();
            Browser.screenshot(page, "home-phone-menu");

            for (var path : List.of("/tickets", "/customers", "/admin/tokens", "/admin/members", "/admin/chat",
                    "/admin/canned-replies", "/admin/canned-replies/new", "/account", "/no-such-page")) {
                page.navigate(path);
                Browser.screenshot(page, "phone" + path.replace('/', '-'));
                assertFitsTheScreen(page);
            }
        }
    }

    @Test
    void pagesLoadTheirStylesAndScriptsWithoutBreakingTheContentSecurityPolicy() {
        var shop = workspaces.create("Strict Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            var problems = new ArrayList<String>();
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    problems.add(message.text());
                }
            });
            page.onPageError(problems::add);
            page.onResponse(response -> {
                if (response.status() >= 400 && !response.url().contains("/no-such-page")) {
                    problems.add(response.status() + " " + response.url());
                }
            });

            page.navigate("/login");
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            for (var path : List.of("/", "/customers", "/admin/tokens", "/admin/members", "/admin/chat",
                    "/admin/canned-replies", "/admin/canned-replies/new", "/account")) {
                page.navigate(path);
                assertThat(page.locator(".xo-topbar")).isVisible();
            }

            assertThat(problems).isEmpty();
            assertThat((Boolean) page.evaluate("() => typeof htmx === 'object' && typeof tabler === 'object'")).isTrue();
            assertThat((String) page.evaluate("() => getComputedStyle(document.querySelector('[data-nav=tickets] .ti'), '::before').fontFamily"))
                    .contains("tabler-icons");
        }
    }

    @Test
    void darkModeIsAChoiceThatLastsAcrossPages() {
        var shop = workspaces.create("Night Shift Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            assertThat(page.locator("html")).hasAttribute("data-bs-theme", "light");

            page.locator(".xo-topbar").getByLabel("Switch to dark mode").click();
            assertThat(page.locator("html")).hasAttribute("data-bs-theme", "dark");
            page.navigate("/admin/tokens");

            assertThat(page.locator("html")).hasAttribute("data-bs-theme", "dark");
            Browser.screenshot(page, "api-tokens-dark");
            page.locator(".xo-topbar").getByLabel("Switch to light mode").click();
            assertThat(page.locator("html")).hasAttribute("data-bs-theme", "light");
        }
    }

    @Test
    void anUnknownPageExplainsItselfInsideTheShellWithoutInternals() {
        var shop = workspaces.create("Lost Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);

            var response = page.navigate("/no-such-page");

            assertThat(response.status()).isEqualTo(404);
            assertThat(page.getByTestId("error-page")).containsText("We could not find this page");
            assertThat(page.getByTestId("workspace-name")).hasText("Lost Shop");
            assertThat(page.content()).doesNotContain("Exception").doesNotContain("at dev.xiaoer").doesNotContain("No static resource");
            Browser.screenshot(page, "not-found");
        }
    }

    @Test
    void theServerErrorPageApologisesWithoutInternals() {
        var shop = workspaces.create("Unlucky Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);

            // Spring Boot's error page, asked for directly, reports an internal error.
            var response = page.navigate("/error");

            assertThat(response.status()).isEqualTo(500);
            assertThat(page.getByTestId("error-page")).containsText("Something went wrong on our side");
            assertThat(page.getByTestId("error-page")).containsText("nothing you did caused it");
        }
    }

    @Test
    void aFormSentAfterTheSessionEndedSaysThePageExpiredRatherThanForbidden() {
        var shop = workspaces.create("Stale Form Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.navigate("/account");
            context.clearCookies();

            var response = page.waitForResponse(r -> r.url().endsWith("/account") && "POST".equals(r.request().method()),
                    () -> page.getByText("Save changes").click());

            assertThat(response.status()).isEqualTo(403);
            assertThat(page.getByTestId("error-page")).containsText("This page had expired");
            assertThat(page.getByTestId("error-page")).containsText("Nothing was changed.");
        }
    }

    @Test
    void aChineseUserSeesErrorPagesInChinese() {
        var shop = workspaces.create("中文错误店");
        try (var context = browser.context(port, "zh-CN", 1280, 860)) {
            var page = context.newPage();
            page.navigate("/no-such-page");
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.getByTestId("user-menu-desktop").click();
            page.locator(".xo-topbar").getByText("Follow my browser").click();

            var response = page.navigate("/no-such-page");

            assertThat(response.status()).isEqualTo(404);
            assertThat(page.getByTestId("error-page")).containsText("找不到这个页面");
        }
    }

    private static void assertFitsTheScreen(Page page) {
        var overflow = (Integer) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        var culprits = page.evaluate("""
                () => {
                  const scrollsInside = e => {
                    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                      if (getComputedStyle(p).overflowX !== 'visible') return true;
                    }
                    return false;
                  };
                  return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !scrollsInside(e))
                    .slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ');
                }""");
        assertThat(overflow).as("horizontal overflow of %s in px, caused by %s", page.url(), culprits)
                .isLessThanOrEqualTo(0);
    }
}
