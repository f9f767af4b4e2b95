package dev.xiaoer.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
class AccountBrowserIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    IdentityManagement identity;

    @Test
    void choosingChineseAndANewNameShowsOnTheVeryNextPage() {
        var shop = workspaces.create("Language Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.navigate("/account");

            page.getByLabel("Display name").fill("王芳");
            page.getByLabel("Language").selectOption("zh-CN");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();

            assertThat(page.getByTestId("account-saved")).hasText("设置已保存。");
            assertThat(page.locator("h1")).hasText("账号设置");
            assertThat(page.locator(".xo-topbar .xo-user-name")).hasText("王芳");
            Browser.screenshot(page, "account-zh");
            page.navigate("/");
            assertThat(page.locator("h1")).hasText("工单");
            assertThat(page.locator("[data-nav=tickets]")).hasText("工单");
            var saved = identity.member(shop.workspace().id(), shop.admin().id()).orElseThrow();
            assertThat(saved.displayName()).isEqualTo("王芳");
            assertThat(saved.locale()).isEqualTo("zh-CN");
        }
    }

    @Test
    void followingTheBrowserSpeaksTheBrowsersLanguage() {
        var shop = workspaces.create("Browser Language Shop");
        try (var context = browser.context(port, "zh-CN", 1280, 860)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            assertThat(page.locator("[data-nav=tickets]")).hasText("Tickets");

            page.navigate("/account");
            page.getByLabel("Language").selectOption("");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();

            assertThat(page.locator("h1")).hasText("账号设置");
            assertThat(identity.member(shop.workspace().id(), shop.admin().id()).orElseThrow().locale()).isNull();
        }
    }

    @Test
    void theLanguageMenuSwitchesLanguageAndStaysOnThePage() {
        var shop = workspaces.create("Menu Language Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.navigate("/admin/members");

            page.getByTestId("user-menu-desktop").click();
            page.locator(".xo-topbar").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("简体中文")).click();

            assertThat(page).hasURL(Pattern.compile(".*/admin/members$"));
            assertThat(page.locator("h1")).hasText("成员");
            Browser.screenshot(page, "members-zh");
        }
    }

    @Test
    void anEmptyDisplayNameIsRefusedWithAnExplanation() {
        var shop = workspaces.create("Empty Name Shop");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.navigate("/account");

            page.getByLabel("Display name").fill("   ");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();

            assertThat(page.locator("#displayName-error")).hasText("Enter the name colleagues should see.");
            assertThat(page.getByLabel("Display name")).hasAttribute("class", Pattern.compile(".*is-invalid.*"));
            assertThat(identity.member(shop.workspace().id(), shop.admin().id()).orElseThrow().displayName())
                    .startsWith("ADMIN");
        }
    }
}
