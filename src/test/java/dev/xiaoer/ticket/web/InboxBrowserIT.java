package dev.xiaoer.ticket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.LoadState;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.ticket.TicketChanges;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketType;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The inbox and the ticket page as an agent keeps them open all day: they follow what others do, live. */
@IntegrationTest
@RequiresBrowser
class InboxBrowserIT extends BrowserTest {

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

    Shops shops;

    @BeforeEach
    void shops() {
        shops = new Shops(workspaces, identity, customers, tickets, agents);
    }

    @Test
    void myTeamsShowsWhoWaitsAndWhatIsUnreadAndANewMessageArrivesWithoutReloading() {
        var shop = shops.open("Orchard Direct", "Lin Jing");
        var team = shop.team("After-sales", shop.workspace.admin().id());
        var wang = shop.customer("王晓梅", "xiaomei@example.cn", "zh-CN", null);
        var john = shop.customer("John Miller", "john@example.com", "en", null);
        var waiting = shop.ticket(wang, "收到的桃子有一半烂了", "一半都烂了。", TicketType.AFTER_SALES,
                TicketPriority.HIGH, TicketChannel.CHAT, null, team);
        var answered = shop.ticket(john, "Invoice for order 88123", "Please send it.", TicketType.INQUIRY,
                TicketPriority.NORMAL, TicketChannel.EMAIL, null, team);
        shop.reply(shop.admin, answered, "Here it is.");
        shop.ticket(john, "Seeds did not germinate", "None of them came up.");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets?view=teams");
            assertThat(page.locator("main[data-xo-live=connected]")).isVisible();

            assertThat(page.getByTestId("ticket-row")).hasCount(2);
            assertThat(page.getByTestId("view-count-teams")).hasText("2");
            var waitingRow = row(page.getByTestId("ticket-row"), "收到的桃子有一半烂了");
            var answeredRow = row(page.getByTestId("ticket-row"), "Invoice for order 88123");
            assertThat(waitingRow.getByTestId("waiting")).containsText("Waiting");
            assertThat(waitingRow.getByTestId("unread")).hasText("1");
            assertThat(answeredRow.getByTestId("waiting")).hasCount(0);
            assertThat(answeredRow.getByTestId("unread")).hasText("1");

            waitingRow.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
            assertThat(page.getByTestId("ticket-subject")).hasText("收到的桃子有一半烂了");
            page.goBack();
            assertThat(row(page.getByTestId("ticket-row"), "收到的桃子有一半烂了").getByTestId("unread"))
                    .hasCount(0);
            page.evaluate("() => window.xoStillThisPage = true");

            shop.customerWrites(answered, "Thanks! One more question about the VAT number.");
            var rowNow = row(page.getByTestId("ticket-row"), "Invoice for order 88123");
            assertThat(rowNow.getByTestId("unread")).hasText("2");
            assertThat(rowNow.getByTestId("waiting")).containsText("Waiting");
            assertThat((Boolean) page.evaluate("() => window.xoStillThisPage === true")).isTrue();
        }
    }

    @Test
    void whatAColleagueWritesAndChangesAppearsOnTheOpenTicketPageAndTheFieldsFollow() {
        var shop = shops.open("Filter Farm", "Lin Jing");
        var emma = shop.agent("Emma Schmidt");
        var zhang = shop.customer("张建国", "zhang@example.cn", "zh-CN", "vip");
        var ticket = shop.ticket(zhang, "复合肥还没发货", "春耕等着用。");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets/" + ticket.number());
            assertThat(page.locator("main[data-xo-live=connected]")).isVisible();
            page.evaluate("() => window.xoStillThisPage = true");

            var colleague = shop.actor(emma, "Emma Schmidt");
            shop.note(colleague, ticket, "Warehouse says it leaves today.");
            assertThat(page.getByTestId("entry-body").last()).hasText("Warehouse says it leaves today.");

            shop.change(colleague, ticket, TicketChanges.none().withPriority(TicketPriority.URGENT));
            assertThat(page.getByLabel("Priority")).hasValue("urgent");
            shop.customerWrites(ticket, "今天能发吗？");
            assertThat(page.getByTestId("entry-body").last()).hasText("今天能发吗？");

            page.getByLabel("Status").selectOption("pending");
            assertThat(page.getByTestId("panel-saved")).isVisible();
            assertThat(page.getByTestId("stale-ticket")).hasCount(0);
            assertThat((Boolean) page.evaluate("() => window.xoStillThisPage === true")).isTrue();
        }
    }

    @Test
    void anAgentHandsAChatToAColleagueInAnotherTeamWithANoteForThem() {
        var shop = shops.open("Green Valley", "Lin Jing");
        var emma = shop.agent("Emma Schmidt");
        var afterSales = shop.team("After-sales", emma.id());
        var john = shop.customer("John Miller", "john@example.com", "en", null);
        var ticket = shop.ticket(john, "Broken pruning shears", "The blade snapped on day one.", TicketType.AFTER_SALES,
                TicketPriority.NORMAL, TicketChannel.CHAT, shop.workspace.admin().id(), null);
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets/" + ticket.number());

            page.getByTestId("transfer").locator("summary").click();
            page.getByLabel("To agent").selectOption(emma.id().value().toString());
            page.getByLabel("To team").selectOption(afterSales.value().toString());
            page.getByLabel("Note for whoever takes it").fill("Promised a replacement by Friday; photo is on the timeline.");
            page.getByTestId("transfer-submit").click();

            assertThat(page.getByTestId("transferred")).isVisible();
            assertThat(page.getByLabel("Assignee")).hasValue(emma.id().value().toString());
            var entries = page.getByTestId("timeline-entry");
            assertThat(entries.filter(new Locator.FilterOptions().setHasText("Promised a replacement by Friday")))
                    .hasAttribute("data-style", "note");
            assertThat(page.getByTestId("timeline")).containsText("Emma Schmidt");
            assertThat(page.getByTestId("timeline")).containsText("After-sales");
            var saved = shop.get(ticket);
            assertThat(saved.assignee()).isEqualTo(emma.id());
            assertThat(saved.team()).isEqualTo(afterSales);
        }
    }

    @Test
    void anAgentWhoTurnedNotificationsOnHearsOfANewChatAndOfAChatGivenToThem() {
        var shop = shops.open("Green Valley", "Lin Jing");
        var wang = shop.customer("王晓梅", "xiaomei@example.cn", "zh-CN", null);
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            // The browser's notifications, recorded: a page in the background shows them.
            page.addInitScript("""
                    window.xoNotices = [];
                    window.Notification = function (title) { window.xoNotices.push(title); };
                    window.Notification.permission = 'granted';
                    window.Notification.requestPermission = function () { return Promise.resolve('granted'); };
                    document.hasFocus = function () { return false; };
                    """);
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets?view=all");
            assertThat(page.locator("main[data-xo-live=connected]")).isVisible();
            var presence = page.locator(".xo-topbar").getByTestId("presence");
            presence.getByTestId("presence-toggle").click();
            presence.getByTestId("notifications").click();
            assertThat(presence.getByTestId("notifications")).containsText("Notifications are on");

            var waiting = shop.ticket(wang, "化肥什么时候到？", "化肥什么时候到？", TicketType.LOGISTICS, TicketPriority.NORMAL,
                    TicketChannel.CHAT, null, null);
            page.waitForFunction("n => window.xoNotices.includes('New chat #' + n + ' is waiting')", (int) waiting.number());
            shop.change(shop.admin, waiting, TicketChanges.none().withAssignee(shop.workspace.admin().id()));
            page.waitForFunction("n => window.xoNotices.includes('Chat #' + n + ' is yours now')", (int) waiting.number());
            var email = shop.ticket(wang, "Invoice please", "Please send the invoice.");
            page.waitForTimeout(1000);
            assertThat((Boolean) page.evaluate("n => window.xoNotices.some(t => t.includes('#' + n))", (int) email.number()))
                    .isFalse();
        }
    }

    @Test
    void onATicketJAndKOpenTheNextAndThePreviousOfTheAgentsOwnConversations() {
        var shop = shops.open("Orchard Direct", "Lin Jing");
        var me = shop.workspace.admin().id();
        var wang = shop.customer("王晓梅", "xiaomei@example.cn", "zh-CN", null);
        var older = shop.ticket(wang, "桃子坏了", "一半都烂了。", TicketType.AFTER_SALES, TicketPriority.HIGH,
                TicketChannel.CHAT, me, null);
        var newer = shop.ticket(wang, "发票", "请开发票。", TicketType.INQUIRY, TicketPriority.NORMAL,
                TicketChannel.CHAT, me, null);
        shop.ticket(wang, "Someone else's", "Not mine.");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets/" + newer.number());

            page.keyboard().press("j");
            assertThat(page.getByTestId("ticket-subject")).hasText("桃子坏了");
            // The next key goes to the page's script, which runs once the new page has loaded.
            page.waitForLoadState(LoadState.LOAD);
            page.keyboard().press("j");
            assertThat(page.getByTestId("ticket-subject")).hasText("发票");
            page.waitForLoadState(LoadState.LOAD);
            page.keyboard().press("k");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/tickets/" + older.number() + "$"));
        }
    }

    private static Locator row(Locator rows, String text) {
        return rows.filter(new Locator.FilterOptions().setHasText(text));
    }
}
