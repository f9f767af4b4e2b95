package dev.xiaoer.assistant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.assistant.Assistant;
import dev.xiaoer.assistant.Enquiry;
import dev.xiaoer.assistant.GenerativeAnswers;
import dev.xiaoer.assistant.ShopFaqs;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.knowledge.FaqEntries;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The assistant's pages in a real browser: a supervisor reads the analytics and fills a knowledge gap;
 * an admin sets up generative answers.
 */
@IntegrationTest
@RequiresBrowser
class AssistantPagesBrowserIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    FaqEntries faqs;
    @Autowired
    Assistant assistant;
    @Autowired
    GenerativeAnswers generative;
    @Autowired
    Clock clock;

    @Test
    void aSupervisorSeesHowTheAssistantDidAndAnswersAGroupOfQuestionsItCouldNot() {
        var shop = workspaces.create("绿谷农资 Assistant");
        var workspace = shop.workspace().id();
        ShopFaqs.add(faqs, new Actor(Actor.Type.USER, UUID.randomUUID(), "李娜", workspace, Role.SUPERVISOR));
        var answer = assistant.decide(new Enquiry(workspace, "chat-1", "chat", "施肥以后多少天能见效果"));
        assistant.feedback(workspace, "chat-1", answer.id(), true);
        ShopFaqs.CORN_SOWING.forEach(question -> assistant.decide(new Enquiry(workspace, "chat-" + question, "chat", question)));

        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new com.microsoft.playwright.Page.GetByRoleOptions().setName("Assistant").setExact(true)).click();
            assertThat(page.getByTestId("containment")).hasText("25%");
            assertThat(page.getByTestId("helpful-rate")).hasText("100%");
            assertThat(page.getByTestId("intent-row")).containsText(ShopFaqs.FERTILIZER);
            assertThat(page.getByTestId("gap-count")).hasText("1");
            page.getByTestId("retrain").click();
            assertThat(page.getByTestId("retraining")).isVisible();

            page.getByTestId("open-gaps").click();
            var gap = page.getByTestId("gap");
            assertThat(gap).hasCount(1);
            assertThat(gap.getByTestId("gap-asked")).containsText("Asked 3 times");
            assertThat(gap.getByTestId("gap-example")).hasCount(2);
            Browser.screenshot(page, "knowledge-gaps");

            gap.getByTestId("gap-create").click();
            gap.getByTestId("gap-save").click();
            assertThat(page.getByTestId("gap-refused")).hasText("Write the answer the assistant gives.");
            page.getByTestId("gap-answer").fill("春玉米一般在 4 月中下旬、地温稳定在 10℃ 以上时播种。");
            page.getByTestId("gap-save").click();

            assertThat(page.getByTestId("gap-covered")).containsText("its 3 questions are off the list");
            assertThat(page.getByTestId("gaps-empty")).isVisible();
        }
        assertThat(faqs.list(workspace)).anySatisfy(faq -> {
            assertThat(ShopFaqs.CORN_SOWING).contains(faq.question());
            assertThat(faq.phrasings()).hasSize(2);
        });
    }

    @Test
    void anAdminTurnsOnGenerativeAnswersAndTheKeyIsKeptButNeverShown() {
        var shop = workspaces.create("绿谷农资 Generative");
        var agent = workspaces.user(shop.workspace(), Role.AGENT);

        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.admin().email(), TestWorkspaces.PASSWORD);
            page.navigate("/admin/assistant");
            assertThat(page.locator("[data-nav=assistant-settings]")).hasAttribute("aria-current", "page");
            assertThat(page.getByTestId("generative-key-state")).containsText("No key stored");
            page.getByTestId("generative-enabled").check();
            page.getByLabel("Endpoint").fill("ftp://models.internal");
            page.getByLabel("Model").fill("qwen2.5-7b-instruct");
            page.getByTestId("generative-api-key").fill("sk-local-0123456789");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save")).click();

            assertThat(page.locator("#baseUrl-error")).containsText("starting with http:// or https://");
            assertThat(page.getByLabel("Model")).hasValue("qwen2.5-7b-instruct");
            assertThat(page.getByTestId("generative-api-key")).hasValue("");
            page.getByTestId("generative-api-key").fill("sk-local-0123456789");
            page.getByLabel("Endpoint").fill("http://127.0.0.1:11434/v1");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save")).click();

            assertThat(page.getByTestId("generative-saved")).isVisible();
            assertThat(page.getByTestId("generative-enabled")).isChecked();
            assertThat(page.getByTestId("generative-key-state")).containsText("A key is stored");
            var shanghai = ZonedDateTime.now(clock).withZoneSameInstant(ZoneId.of("Asia/Shanghai"));
            assertThat(page.getByTestId("generative-updated")).containsText(
                    shanghai.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:")));
            assertThat(page.content()).doesNotContain("sk-local-0123456789");
            Browser.screenshot(page, "assistant-generative");
        }
        assertThat(generative.settings(shop.workspace().id())).satisfies(saved -> {
            assertThat(saved.enabled()).isTrue();
            assertThat(saved.baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
            assertThat(saved.hasApiKey()).isTrue();
        });
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, agent.email(), TestWorkspaces.PASSWORD);
            var response = page.navigate("/admin/assistant");
            assertThat(response.status()).isEqualTo(403);
        }
    }
}
