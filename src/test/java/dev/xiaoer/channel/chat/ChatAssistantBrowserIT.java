package dev.xiaoer.channel.chat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.xiaoer.assistant.ShopFaqs;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.knowledge.FaqEntries;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A visitor talking to the assistant in the widget on a phone, in headless Chromium. */
@IntegrationTest
@RequiresBrowser
class ChatAssistantBrowserIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ChatSettingsRows settings;
    @Autowired
    FaqEntries faqs;

    @Test
    void theAssistantGreetsAnswersWithButtonsAndHandsOverWhenAskedForAPerson() {
        var shop = workspaces.create("青禾农资 Green Valley");
        ShopFaqs.add(faqs, new Actor(Actor.Type.USER, UUID.randomUUID(), "李娜", shop.workspace().id(), Role.SUPERVISOR));
        settings.saveAssistantFirst(shop.workspace().id(), true);
        try (var visitorBrowser = browser.context(port, "zh-CN", 390, 844)) {
            var page = visitorBrowser.newPage();
            page.navigate("/chat/demo-shop?workspace=" + shop.workspace().id().value());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("打开在线客服对话")).click();
            var chat = page.getByRole(AriaRole.DIALOG);
            assertThat(chat.locator(".xo-welcome")).containsText("我是店铺的智能助手");

            chat.locator("textarea").fill("化肥撒下去多少天才有效果？");
            chat.locator("textarea").press("Enter");
            var answer = chat.locator(".xo-team").last();
            assertThat(answer).containsText("复合肥施用后一般 7–15 天见效");
            assertThat(answer).containsText("智能助手");
            var helpful = answer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("有帮助"));
            assertThat(helpful).isVisible();
            Browser.screenshot(page, "chat-assistant");
            helpful.click();
            assertThat(answer).containsText("感谢您的反馈。");

            chat.locator("textarea").fill("转人工");
            chat.locator("textarea").press("Enter");
            assertThat(chat.locator(".xo-team").last()).containsText("正在为您转接人工客服");
            assertThat(chat.locator("[data-xo-notice]")).containsText("您排在第 1 位");
        }
    }
}
