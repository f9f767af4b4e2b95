package dev.xiaoer.channel.chat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.AriaRole;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A visitor on a shop page with the widget, in headless Chromium, and the service team answering. */
@IntegrationTest
@RequiresBrowser
class ChatWidgetBrowserIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    IdentityManagement identity;

    @Test
    void aVisitorChatsFromTheShopPageSeesTheTeamsAnswerLiveWithMarkupShownAsTextAndFindsTheChatAgainAfterReloading() {
        var shop = workspaces.create("青禾农资 Green Valley");
        var agent = TicketApi.forToken(port, shop.token());
        try (var visitorBrowser = browser.context(port, "zh-CN", 390, 844)) {
            var page = visitorBrowser.newPage();
            var dialogs = new ArrayList<String>();
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            page.navigate("/chat/demo-shop?workspace=" + shop.workspace().id().value());

            var launcher = page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("打开在线客服对话"));
            launcher.click();
            var chat = page.getByRole(AriaRole.DIALOG);
            assertThat(chat).isVisible();
            assertThat(chat.locator("[data-xo-notice]")).containsText("客服暂时不在线");
            chat.getByLabel("您的邮箱或电话，方便我们回复您").fill("wang.fang@example.cn");
            chat.locator("textarea").fill("复合肥什么时候发货？订单 88123");
            chat.locator("textarea").press("Enter");
            assertThat(chat.locator(".xo-visitor").last()).containsText("已送达");
            assertThat(chat.getByLabel("您的邮箱或电话，方便我们回复您")).isHidden();

            var tickets = agent.numbers("");
            assertThat(tickets).hasSize(1);
            var ticket = agent.client.get().uri("/api/v1/tickets/by-number/{n}", tickets.getFirst()).exchange()
                    .expectBody(TicketApi.JSON).returnResult().getResponseBody();
            assertThat(ticket).containsEntry("channel", "chat").containsEntry("subject", "复合肥什么时候发货？订单 88123");

            agent.reply(TicketApi.id(ticket), "<img src=x onerror=alert(1)> 今天下午发货，单号稍后发您。");
            assertThat(chat.locator(".xo-team").last())
                    .containsText("<img src=x onerror=alert(1)> 今天下午发货，单号稍后发您。");
            chat.locator("textarea").fill("<img src=x onerror=alert(2)>");
            chat.locator("textarea").press("Enter");
            assertThat(chat.locator(".xo-visitor").last()).containsText("<img src=x onerror=alert(2)>");
            assertThat(chat.locator(".xo-visitor").last()).containsText("已送达");
            assertThat(chat.locator("img")).hasCount(0);
            assertThat(dialogs).isEmpty();

            page.reload();
            launcher.click();
            assertThat(chat.locator(".xo-msg")).hasCount(4);
            assertThat(chat.locator(".xo-visitor")).containsText(new String[] {"复合肥什么时候发货？订单 88123",
                    "<img src=x onerror=alert(2)>"});
            assertThat(chat.locator(".xo-team")).containsText("今天下午发货，单号稍后发您。");
            chat.locator("textarea").fill("好的，谢谢");
            chat.locator("textarea").press("Enter");
            assertThat(chat.locator(".xo-visitor").last()).containsText("已送达");
            assertThat(chat.locator(".xo-msg")).hasCount(5);
            assertThat(chat.locator("img")).hasCount(0);
        }
    }

    @Test
    void anAgentWithTheInboxOpenSeesANewChatArriveAnswersItAndTheVisitorHearsTheAnswer() {
        var shop = workspaces.create("青禾农资 Green Valley");
        identity.updateProfile(shop.admin().id(), "王芳", Locale.SIMPLIFIED_CHINESE);
        try (var agentBrowser = browser.desktop(port); var visitorBrowser = browser.context(port, "zh-CN", 390, 844)) {
            var inbox = agentBrowser.newPage();
            Browser.signIn(inbox, shop.admin().email(), TestWorkspaces.PASSWORD);
            inbox.navigate("/tickets?view=unassigned");
            assertThat(inbox.locator("main[data-xo-live=connected]")).isVisible();
            assertThat(inbox.getByTestId("ticket-row")).hasCount(0);

            var shopPage = visitorBrowser.newPage();
            shopPage.navigate("/chat/demo-shop?workspace=" + shop.workspace().id().value());
            shopPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("打开在线客服对话")).click();
            var chat = shopPage.getByRole(AriaRole.DIALOG);
            assertThat(chat.locator("[data-xo-notice]")).containsText("客服暂时不在线");
            chat.locator("textarea").fill("有机肥能用在桃树上吗？");
            chat.locator("textarea").press("Enter");
            assertThat(chat.locator(".xo-visitor").last()).containsText("已送达");
            assertThat(chat.locator("[data-xo-notice]")).containsText("您排在第 1 位");

            var row = inbox.getByTestId("ticket-row").filter(new Locator.FilterOptions()
                    .setHasText("有机肥能用在桃树上吗？"));
            assertThat(row).isVisible();
            assertThat(inbox).hasURL(Pattern.compile("/tickets\\?view=unassigned$"));
            row.locator("a").click();
            assertThat(inbox.getByTestId("ticket-subject")).hasText("有机肥能用在桃树上吗？");
            assertThat(inbox.locator("main[data-xo-live=connected]")).isVisible();
            assertThat(chat.locator(".xo-visitor").last()).containsText("已读");

            chat.locator("textarea").pressSequentially("是发酵好的");
            assertThat(inbox.getByTestId("customer-typing")).isVisible();
            chat.locator("textarea").pressSequentially("鸡粪肥");
            chat.locator("textarea").press("Enter");
            assertThat(inbox.getByTestId("entry-body").last()).hasText("是发酵好的鸡粪肥");
            assertThat(inbox.getByTestId("customer-typing")).isHidden();

            chat.locator("input[type=file]").setInputFiles(new FilePayload("树叶发黄.png", "image/png", photo()));
            assertThat(chat.locator(".xo-visitor").last().locator("img")).isVisible();
            // Stored, and at once read by the agent who has the chat open.
            assertThat(chat.locator(".xo-visitor").last()).containsText(Pattern.compile("已送达|已读"));
            assertThat(inbox.getByTestId("attachment-preview")).isVisible();
            assertThat(inbox.getByTestId("attachment-preview")).hasAttribute("alt", "树叶发黄.png");

            chat.locator("textarea").fill("javascript:alert(document.cookie)");
            chat.locator("textarea").press("Enter");
            assertThat(inbox.getByTestId("entry-body").last()).hasText("javascript:alert(document.cookie)");
            assertThat(inbox.locator("a[href^='javascript']")).hasCount(0);

            inbox.locator("#composer-body").pressSequentially("可以，每棵树施两公斤");
            assertThat(chat.locator(".xo-typing")).containsText("正在输入");
            inbox.locator("#composer-body").pressSequentially("，离树干半米。");
            inbox.getByTestId("send-reply").click();
            assertThat(chat.locator(".xo-team").last()).containsText("可以，每棵树施两公斤，离树干半米。");
            // Answering a chat nobody held took it: the visitor sees who answers, and no longer the offline form.
            assertThat(chat.locator("[data-xo-notice]")).containsText("王芳 正在为您服务");
            assertThat(chat.getByLabel("您的邮箱或电话，方便我们回复您")).isHidden();
            assertThat(inbox.getByTestId("seen-by-customer")).hasCount(1);
            assertThat(chat.locator("a[href^='javascript']")).hasCount(0);
            Browser.screenshot(shopPage, "chat-widget");
            Browser.screenshot(inbox, "agent-live-ticket");
        }
    }

    /** A real PNG image: a small green square, like a leaf. */
    private static byte[] photo() {
        var image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x9A, 0xB8, 0x3A));
        graphics.fillRect(0, 0, 48, 48);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }
}
