package dev.xiaoer.ticket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.ticket.SelfServiceLinks;
import dev.xiaoer.ticket.TicketChanges;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.MutableClock;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@RequiresBrowser
class SelfServiceBrowserIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    IdentityManagement identity;
    @Autowired
    CustomerManagement customers;
    @Autowired
    TicketManagement tickets;
    @Autowired
    AgentManagement agents;
    @Autowired
    SelfServiceLinks links;
    @Autowired
    MutableClock clock;

    Shops shops;

    @BeforeEach
    void shops() {
        shops = new Shops(workspaces, identity, customers, tickets, agents);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theCustomerSeesThePublicConversationInTheirLanguageAndTheirReplyReachesTheAgent() {
        var shop = shops.open("青禾农资 Green Valley", "Lin Jing");
        var wang = shop.customer("王晓梅", "xiaomei@example.cn", "zh-CN", null);
        var ticket = shop.ticket(wang, "收到的桃子有一半烂了", "昨天收到的桃子礼盒，一半都烂了。");
        shop.reply(shop.admin, ticket, "非常抱歉！我们马上为您补发一盒。");
        shop.note(shop.admin, ticket, "仓库说是快递压坏的，找顺丰索赔。");
        shop.change(shop.admin, ticket, TicketChanges.none().withPriority(TicketPriority.HIGH).withTags(
                java.util.Set.of("索赔")));
        shop.status(shop.admin, ticket, TicketStatus.SOLVED);
        try (var customerBrowser = browser.desktop(port); var agentBrowser = browser.desktop(port)) {
            var page = customerBrowser.newPage();
            page.navigate(link(shop, ticket));

            assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
            assertThat(page.getByTestId("ss-subject")).hasText("收到的桃子有一半烂了");
            assertThat(page.getByTestId("ss-status")).containsText("已解决");
            assertThat(page.getByTestId("ss-timeline")).containsText("昨天收到的桃子礼盒，一半都烂了。");
            assertThat(page.getByTestId("ss-timeline")).containsText("非常抱歉！我们马上为您补发一盒。");
            assertThat(page.getByTestId("ss-timeline")).containsText("Lin Jing");
            assertThat(page.locator("main")).not().containsText("仓库说是快递压坏的");
            assertThat(page.locator("main")).not().containsText("索赔");
            assertThat(page.locator("main")).not().containsText("优先级");

            page.getByLabel("您的消息").fill("补发的那盒也有两个坏的。");
            page.getByTestId("ss-send").click();

            assertThat(page.getByTestId("ss-sent")).containsText("您的消息已发送");
            assertThat(page.getByTestId("ss-status")).containsText("正在处理");
            var mine = page.getByTestId("ss-entry").filter(new Locator.FilterOptions().setHasText("补发的那盒也有两个坏的。"));
            assertThat(mine).hasAttribute("data-style", "you");
            assertThat(page.getByTestId("ss-entry").last()).containsText("状态：正在处理");

            var agent = agentBrowser.newPage();
            Browser.signIn(agent, shop.adminEmail(), TestWorkspaces.PASSWORD);
            agent.navigate("/tickets/" + ticket.number());
            var fromCustomer = agent.getByTestId("timeline-entry").filter(new Locator.FilterOptions()
                    .setHasText("补发的那盒也有两个坏的。"));
            assertThat(fromCustomer).hasAttribute("data-style", "customer");
            assertThat(fromCustomer).containsText("王晓梅");
            assertThat(agent.locator("#ticket-header").getByTestId("status-badge")).hasText("Open");
        }
    }

    @Test
    void aCustomerWithoutALanguageReadsThePageInTheBrowsersLanguage() {
        var shop = shops.open("Language Shop", "Lin Jing");
        var anna = shop.customer("Anna", "anna@example.com", null, null);
        var ticket = shop.ticket(anna, "Parcel missing", "Where is it?");
        try (var chinese = browser.context(port, "zh-CN", 1280, 860); var english = browser.desktop(port)) {
            var page = chinese.newPage();
            page.navigate(link(shop, ticket));
            assertThat(page.getByTestId("ss-status")).containsText("已收到");

            var other = english.newPage();
            other.navigate(link(shop, ticket));
            assertThat(other.getByTestId("ss-status")).containsText("Received");
        }
    }

    @Test
    void aTamperedOrExpiredLinkShowsAFriendlyPageThatTellsNothingAboutTheTicket() {
        var shop = shops.open("Tamper Shop", "Lin Jing");
        var john = shop.customer("John Miller", "john@example.com", "en", null);
        var ticket = shop.ticket(john, "Secret order details", "My address is 1 Main Street.");
        var link = link(shop, ticket);
        var last = link.charAt(link.length() - 2);
        var tampered = link.substring(0, link.length() - 2) + (last == 'A' ? 'B' : 'A') + link.charAt(link.length() - 1);
        try (var context = browser.desktop(port)) {
            var page = context.newPage();

            var response = page.navigate(tampered);

            assertThat(response.status()).isEqualTo(404);
            assertThat(page.getByTestId("ss-invalid")).containsText("This link does not work");
            assertThat(page.locator("body")).not().containsText("Secret order details");
            assertThat(page.locator("body")).not().containsText("#" + ticket.number());
            Browser.screenshot(page, "self-service-invalid");

            clock.advance(Duration.ofDays(31));
            var expired = page.navigate(link);
            assertThat(expired.status()).isEqualTo(404);
            assertThat(page.getByTestId("ss-invalid")).containsText("This link does not work");
            assertThat(page.locator("body")).not().containsText("Secret order details");
        }
    }

    @Test
    void markupInTheConversationIsShownAsTextToTheCustomerAndRunsNothing() {
        var shop = shops.open("Careful Shop", "Lin Jing");
        var mallory = shop.customer("Mallory", "mallory@example.com", "en", null);
        var hostile = "<img src=x onerror=alert(1)>";
        var ticket = shop.ticket(mallory, hostile, hostile);
        shop.reply(shop.admin, ticket, "<script>alert(2)</script>");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            var dialogs = new ArrayList<String>();
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            page.navigate(link(shop, ticket));
            assertThat(page.getByTestId("ss-subject")).hasText(hostile);
            assertThat(page.getByTestId("ss-body").first()).hasText(hostile);
            assertThat(page.getByTestId("ss-body").nth(1)).hasText("<script>alert(2)</script>");

            page.getByLabel("Your message").fill("<img src=z onerror=alert(3)>");
            page.getByTestId("ss-send").click();

            assertThat(page.getByTestId("ss-body").last()).hasText("<img src=z onerror=alert(3)>");
            assertThat(page.locator("main img")).hasCount(0);
            assertThat(dialogs).isEmpty();
        }
    }

    @Test
    void writingToAClosedRequestStartsANewOneAndSaysSo() {
        var shop = shops.open("Closing Shop", "Lin Jing");
        var john = shop.customer("John Miller", "john@example.com", "en", null);
        var ticket = shop.ticket(john, "Seeds did not germinate", "None of the tomato seeds came up.");
        shop.status(shop.admin, ticket, TicketStatus.SOLVED);
        shop.status(shop.admin, ticket, TicketStatus.CLOSED);
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            page.navigate(link(shop, ticket));
            assertThat(page.getByTestId("ss-closed")).containsText("we start a new request for you");

            page.getByLabel("Your message").fill("The second packet did not germinate either.");
            page.getByTestId("ss-send").click();

            assertThat(page.getByTestId("ss-started")).containsText("started a new request, #" + (ticket.number() + 1));
            assertThat(page.getByTestId("ss-subject")).hasText("Seeds did not germinate");
            assertThat(page.getByTestId("ss-status")).containsText("Received");
            assertThat(page.getByTestId("ss-body").last()).hasText("The second packet did not germinate either.");
            assertThat(page).hasURL(Pattern.compile(".*/self-service/[A-Za-z0-9_-]+$"));
        }
    }

    @Test
    void anEmptyReplyIsRefusedWithAnExplanationAndNothingIsAdded() {
        var shop = shops.open("Empty Reply Shop", "Lin Jing");
        var john = shop.customer("John Miller", "john@example.com", "en", null);
        var ticket = shop.ticket(john, "Parcel missing", "Where is it?");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            page.navigate(link(shop, ticket));

            page.getByLabel("Your message").fill("   ");
            page.getByTestId("ss-send").click();

            assertThat(page.getByTestId("ss-error")).hasText("Please write your message first.");
            assertThat(page.getByTestId("ss-entry")).hasCount(1);
        }
    }

    @Test
    void theCustomersPageFitsAPhoneScreen() {
        var shop = shops.open("青禾农资 Green Valley Farm Supply", "Lin Jing");
        var wang = shop.customer("王晓梅", "xiaomei@example.cn", "zh-CN", null);
        var ticket = shop.ticket(wang, "收到的桃子有一半烂了，礼盒外包装也压坏了",
                "https://shop.example.cn/orders/2026112200012345678901234567890 这个订单的桃子一半都烂了。");
        shop.reply(shop.admin, ticket, "非常抱歉！我们马上为您补发一盒。");
        try (var context = browser.context(port, "zh-CN", 360, 740)) {
            var page = context.newPage();
            page.navigate(link(shop, ticket));
            TicketPagesBrowserIT.assertFitsTheScreen(page);
            Browser.screenshot(page, "self-service-phone");
        }
    }

    private String link(Shops.Shop shop, TicketView ticket) {
        return SelfServiceLinks.PATH + links.token(shop.workspace.workspace().id(), ticket.id(), ticket.requester());
    }
}
