package dev.xiaoer.knowledge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.knowledge.ArticleDraft;
import dev.xiaoer.knowledge.KnowledgeBase;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@RequiresBrowser
class HelpCenterBrowserIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aSupervisorWritesAndPublishesAnArticleThatCustomersReadSearchAndRateInTheirLanguage() {
        var shop = workspaces.create("绿谷农资 Green Valley");
        var help = "/help/" + shop.workspace().id().value();
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.navigate("/knowledge");
            assertThat(page.getByTestId("knowledge-empty")).isVisible();
            page.getByTestId("category-name").fill("施肥 Fertilizing");
            page.getByTestId("category-name").press("Enter");
            assertThat(page.getByTestId("category-added")).containsText("施肥 Fertilizing");

            page.getByTestId("new-article").click();
            page.getByTestId("article-title").fill("");
            page.getByTestId("article-save").click();
            assertThat(page.locator("#title-error")).containsText("Give the article a title");

            page.getByTestId("article-title").fill("复合肥多久见效？");
            page.getByTestId("article-language").fill("zh-CN");
            page.getByTestId("article-category").selectOption(new SelectOption()
                    .setLabel("施肥 Fertilizing"));
            page.getByTestId("article-tags").fill("化肥, 施肥");
            page.getByTestId("article-body").fill("""
                    复合肥施用后一般 **7–15 天** 见效。

                    - 干旱时请及时浇水
                    - 不要与石灰同时施用""");
            page.getByTestId("article-save").click();

            assertThat(page.getByTestId("article-saved")).isVisible();
            assertThat(page.getByTestId("article-status")).hasText("Draft");
            assertThat(page.getByTestId("article-preview").locator("strong")).hasText("7–15 天");
            page.getByTestId("article-publish").click();
            assertThat(page.getByTestId("article-published")).isVisible();
            assertThat(page.getByTestId("article-reviewer")).hasText("ADMIN " + shop.admin().email().substring(0, 12));
            assertThat(page.getByTestId("article-version")).hasCount(2);

            page.getByTestId("article-body").fill("""
                    复合肥施用后一般 **7–15 天** 见效。

                    - 干旱时请及时浇水
                    - 不要与石灰、草木灰同时施用""");
            page.getByTestId("article-save").click();
            assertThat(page.getByTestId("article-status")).hasText("Published");
            page.getByTestId("changes-3").click();
            assertThat(page.getByTestId("diff-body").locator("[data-kind=removed]")).containsText("- 不要与石灰同时施用");
            assertThat(page.getByTestId("diff-body").locator("[data-kind=added]")).containsText("- 不要与石灰、草木灰同时施用");
            assertThat(page.getByTestId("diff-title").locator("[data-kind=same]")).containsText("复合肥多久见效？");
        }
        var editor = new Actor(Actor.Type.USER, UUID.randomUUID(), "Emma", shop.workspace().id(), Role.SUPERVISOR);
        var chinese = knowledge.list(shop.workspace().id(), null, null, 10).getFirst();
        var english = knowledge.write(editor, new ArticleDraft("How soon does compound fertilizer work?",
                "Usually **7–15 days** after you apply it. Water it in dry weather.\n\n"
                        + "<img src=x onerror=\"window.xoPwned=1\"> [tap](javascript:window.xoPwned=2)", "en",
                chinese.category(),
                List.of("fertilizer")), chinese.id());
        knowledge.publish(editor, english.id(), english.version());

        try (var context = browser.context(port, "zh-CN", 390, 844)) {
            var page = context.newPage();
            page.navigate(help);
            assertThat(page.getByTestId("help-category")).containsText("施肥 Fertilizing");
            assertThat(page.getByTestId("help-article-link")).hasText("复合肥多久见效？");
            page.getByTestId("help-article-link").click();

            assertThat(page.getByTestId("help-article-title")).hasText("复合肥多久见效？");
            assertThat(page.getByTestId("help-article-body").locator("strong")).hasText("7–15 天");
            assertThat(page.getByTestId("help-article-body").locator("li").last()).hasText("不要与石灰、草木灰同时施用");
            assertThat(page.locator("meta[name=description]")).hasAttribute("content",
                    Pattern.compile("^复合肥施用后一般 7–15 天 见效。"));
            Browser.screenshot(page, "help-center-article");

            page.getByTestId("help-helpful").click();
            assertThat(page.getByTestId("help-voted")).hasText("谢谢！很高兴能帮到你。");
            assertThat(knowledge.votes(shop.workspace().id(), chinese.id()).helpful()).isEqualTo(1);

            page.getByTestId("help-translation").click();
            assertThat(page.getByTestId("help-article-title")).hasText("How soon does compound fertilizer work?");
            assertThat(page.getByTestId("help-article-body").locator("img")).hasCount(0);
            assertThat(page.getByTestId("help-article-body")).containsText("<img src=x onerror=");
            assertThat(page.getByTestId("help-article-body").locator("a[href]")).hasCount(0);
            page.getByTestId("help-article-body").getByText("tap").click();
            assertThat(page.evaluate("() => window.xoPwned === undefined")).isEqualTo(true);

            page.getByTestId("help-search").fill("化肥多久见效");
            page.getByTestId("help-search").press("Enter");
            assertThat(page.getByTestId("help-hit")).hasCount(1);
            assertThat(page.getByTestId("help-hit").locator("mark").first()).hasText("见效");
            page.getByTestId("help-search").fill("how long until fertilizer works");
            page.getByTestId("help-search").press("Enter");
            assertThat(page.getByTestId("help-hit")).containsText("How soon does compound fertilizer work?");

            assertThat(context.cookies()).as("a reader of the help center gets no session")
                    .noneMatch(cookie -> cookie.name.equals("XIAOER_SESSION"));
        }
    }

    @Test
    void aDraftIsNotInTheHelpCenterAndAnUnknownAddressIsNotFound() {
        var shop = workspaces.create("Draft Orchard " + UUID.randomUUID());
        var editor = new Actor(Actor.Type.USER, UUID.randomUUID(), "Li", shop.workspace().id(), Role.AGENT);
        var draft = knowledge.write(editor, new ArticleDraft("Secret discount codes", "Not yet.", "en", null, null),
                null);
        var help = "/help/" + shop.workspace().id().value();
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            page.navigate(help);
            assertThat(page.getByTestId("help-empty")).isVisible();

            var article = page.navigate(help + "/articles/" + draft.slug());
            assertThat(article.status()).isEqualTo(404);
            var nowhere = page.navigate("/help/" + UUID.randomUUID());
            assertThat(nowhere.status()).isEqualTo(404);
            page.navigate(help + "/search?q=secret+discount");
            assertThat(page.getByTestId("help-no-results")).isVisible();
        }
    }
}
