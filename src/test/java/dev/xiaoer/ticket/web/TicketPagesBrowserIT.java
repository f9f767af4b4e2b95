package dev.xiaoer.ticket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.AriaRole;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.ticket.TicketChanges;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import dev.xiaoer.ticket.TimelineEntryKind;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@RequiresBrowser
class TicketPagesBrowserIT extends BrowserTest {

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
    void anAgentAnswersAndChangesATicketAndSeesTheTimelineGrowWithoutReloadingThePage() {
        var shop = shops.open("Orchard Direct", "Lin Jing");
        var wang = shop.customer("王晓梅", "xiaomei@example.cn", "zh-CN", "vip", "生鲜");
        var ticket = shop.ticket(wang, "收到的桃子有一半烂了", "昨天收到的桃子礼盒，一半都烂了，附上照片。");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            var problems = problemsOf(page);
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/");

            assertThat(page).hasURL(Pattern.compile(".*/tickets\\?view=mine$"));
            page.getByText("All open").click();
            var row = page.getByTestId("ticket-row").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("收到的桃子有一半烂了"));
            assertThat(row).containsText("#" + ticket.number());
            assertThat(row).containsText("王晓梅");
            assertThat(row.getByTestId("status-badge")).hasText("New");
            row.getByRole(AriaRole.LINK).click();

            assertThat(page).hasURL(Pattern.compile(".*/tickets/" + ticket.number() + "$"));
            assertThat(page.getByTestId("ticket-subject")).hasText("收到的桃子有一半烂了");
            page.evaluate("() => window.xoStillThisPage = true");

            page.getByLabel("Message").fill("非常抱歉！我们马上为您补发一盒。");
            page.getByTestId("send-reply").click();
            var reply = page.getByTestId("timeline-entry").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("非常抱歉！我们马上为您补发一盒。"));
            assertThat(reply).hasAttribute("data-style", "agent");
            assertThat(page.locator("#ticket-header").getByTestId("status-badge")).hasText("Open");
            assertThat(page.getByLabel("Message")).hasValue("");

            page.getByTestId("tab-note").click();
            assertThat(page.getByTestId("composer")).containsText("Only your team sees internal notes");
            page.getByLabel("Message").fill("已联系仓库，今天下午发出。");
            page.getByTestId("send-note").click();
            var note = page.getByTestId("timeline-entry").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("已联系仓库，今天下午发出。"));
            assertThat(note).hasAttribute("data-style", "note");

            page.getByLabel("Status").focus();
            page.getByLabel("Status").selectOption("pending");
            assertThat(page.getByTestId("panel-saved")).isVisible();
            assertThat(page.getByLabel("Status")).isFocused();
            assertThat(page.locator("#ticket-header").getByTestId("status-badge")).hasText("Pending");
            page.getByLabel("Priority").selectOption("high");
            assertThat(page.getByTestId("timeline-entry").last()).containsText("changed the priority");
            assertThat(page.getByTestId("timeline-entry").last()).containsText("High");

            assertThat((Boolean) page.evaluate("() => window.xoStillThisPage === true")).isTrue();
            assertThat(problems).isEmpty();
            var saved = tickets.get(shop.workspace.workspace().id(), ticket.id());
            assertThat(saved.status()).isEqualTo(TicketStatus.PENDING);
            assertThat(saved.priority()).isEqualTo(TicketPriority.HIGH);
            var kinds = tickets.timeline(saved.workspace(), saved.id(), null, 50).items().stream()
                    .map(entry -> entry.kind()).toList();
            assertThat(kinds).containsSubsequence(TimelineEntryKind.MESSAGE, TimelineEntryKind.MESSAGE,
                    TimelineEntryKind.NOTE, TimelineEntryKind.STATUS_CHANGE, TimelineEntryKind.FIELD_CHANGE);
            Browser.screenshot(page, "ticket-flow");
        }
    }

    @Test
    void filtersNarrowTheListWithoutReloadingAndTheAddressBookmarksTheFilteredView() {
        var shop = shops.open("Filter Farm", "Lin Jing");
        var emma = shop.agent("Emma Schmidt");
        var john = shop.customer("John Miller", "john@example.com", "en", null);
        var zhang = shop.customer("张建国", "zhang@example.cn", "zh-CN", "vip");
        shop.ticket(john, "Damaged pruning shears", "The blades arrived bent.", TicketType.AFTER_SALES,
                TicketPriority.HIGH, TicketChannel.EMAIL, emma.id(), null, "refund");
        shop.ticket(john, "Where is my drip irrigation kit?", "Ordered two weeks ago.", TicketType.LOGISTICS,
                TicketPriority.NORMAL, TicketChannel.CHAT, null, null);
        shop.ticket(zhang, "复合肥还没发货", "春耕等着用。", TicketType.LOGISTICS, TicketPriority.URGENT,
                TicketChannel.PHONE, shop.workspace.admin().id(), null);
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets?view=open");
            assertThat(page.getByTestId("ticket-row")).hasCount(3);
            assertThat(page.getByTestId("view-count-mine")).hasText("1");
            assertThat(page.getByTestId("view-count-unassigned")).hasText("1");
            assertThat(page.getByTestId("view-count-open")).hasText("3");
            page.evaluate("() => window.xoStillThisPage = true");

            page.getByLabel("Priority").selectOption("high");

            assertThat(page.getByTestId("ticket-row")).hasCount(1);
            assertThat(page.getByTestId("ticket-row")).containsText("Damaged pruning shears");
            assertThat(page).hasURL(Pattern.compile(".*/tickets\\?view=open&priority=high$"));
            page.getByLabel("Priority").selectOption("");
            page.getByLabel("Type").selectOption("logistics");
            assertThat(page.getByTestId("ticket-row")).hasCount(2);
            page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill("drip");
            assertThat(page.getByTestId("ticket-row")).hasCount(1);
            assertThat(page.getByTestId("ticket-row")).containsText("Where is my drip irrigation kit?");
            assertThat(page.getByTestId("matching")).hasText("1 ticket");
            assertThat((Boolean) page.evaluate("() => window.xoStillThisPage === true")).isTrue();
            var bookmarked = page.url();

            page.navigate("/tickets?view=unassigned");
            assertThat(page.getByTestId("ticket-row")).hasCount(1);
            page.navigate(bookmarked);
            assertThat(page.getByTestId("ticket-row")).hasCount(1);
            assertThat(page.getByTestId("ticket-row")).containsText("Where is my drip irrigation kit?");
            assertThat(page.getByLabel("Type")).hasValue("logistics");

            page.getByText("Mine", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.getByTestId("tickets-empty")).containsText("No tickets match these filters");
            page.getByTestId("clear-filters").click();
            assertThat(page.getByTestId("ticket-row")).hasCount(1);
            assertThat(page.getByTestId("ticket-row")).containsText("复合肥还没发货");
        }
    }

    @Test
    void aReplyCarriesAFileThatDownloadsFromTheTimelineAndANoteCannotCarryOne() {
        var shop = shops.open("Receipt Shop", "Lin Jing");
        var john = shop.customer("John Miller", "john@example.com", "en", null);
        var ticket = shop.ticket(john, "Invoice needed", "Please send the invoice for order 88123.");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets/" + ticket.number());

            page.getByLabel("Message").fill("Here is your invoice.");
            page.locator("#composer-file").setInputFiles(new FilePayload("invoice-88123.txt", "text/plain",
                    "Invoice 88123: 42.00 CNY".getBytes(StandardCharsets.UTF_8)));
            assertThat(page.getByTestId("chosen-file")).hasText("invoice-88123.txt");
            page.getByTestId("send-reply").click();

            var link = page.getByTestId("attachment-link");
            assertThat(link).hasText("invoice-88123.txt");
            assertThat(page.getByTestId("entry-body").last()).hasText("Here is your invoice.");
            var download = page.waitForDownload(link::click);
            assertThat(download.suggestedFilename()).isEqualTo("invoice-88123.txt");

            page.getByTestId("tab-note").click();
            assertThat(page.locator("#composer-file")).isHidden();
            page.getByLabel("Message").fill("");
            page.getByTestId("send-note").click();
            assertThat(page.getByTestId("composer-error")).hasText("Write the note first.");
            assertThat(page.locator("#kind-note")).isChecked();
        }
    }

    @Test
    void markupInACustomersMessageIsShownAsTextAndRunsNothing() {
        var shop = shops.open("Careful Shop", "Lin Jing");
        var mallory = shop.customer("<b>Mallory</b>", "mallory@example.com", "en", null);
        var hostile = "<img src=x onerror=alert(1)>";
        var ticket = shop.ticket(mallory, hostile, hostile);
        shop.note(shop.admin, ticket, "<script>alert(2)</script>");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            var dialogs = new ArrayList<String>();
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets?view=all");
            assertThat(page.getByTestId("ticket-row")).containsText(hostile);
            assertThat(page.getByTestId("ticket-row")).containsText("<b>Mallory</b>");

            page.navigate("/tickets/" + ticket.number());
            assertThat(page.getByTestId("ticket-subject")).hasText(hostile);
            assertThat(page.getByTestId("entry-body").first()).hasText(hostile);
            assertThat(page.getByTestId("entry-body").last()).hasText("<script>alert(2)</script>");
            page.getByLabel("Message").fill("<img src=y onerror=alert(3)>");
            page.getByTestId("send-reply").click();
            assertThat(page.getByTestId("entry-body").last()).hasText("<img src=y onerror=alert(3)>");

            assertThat(page.locator("main img")).hasCount(0);
            assertThat(page.locator("main script:not([src])")).hasCount(0);
            assertThat(dialogs).isEmpty();
        }
    }

    @Test
    void aChangeBySomeoneElseMeanwhileIsNotOverwrittenAndTheAgentIsToldToReload() {
        var shop = shops.open("Busy Shop", "Lin Jing");
        var emma = shop.agent("Emma Schmidt");
        var john = shop.customer("John Miller", "john@example.com", "en", null);
        var ticket = shop.ticket(john, "Invoice with VAT number", "Please add our VAT number.");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets/" + ticket.number());

            shop.change(shop.actor(emma, "Emma Schmidt"), ticket, TicketChanges.none().withPriority(TicketPriority.URGENT));
            page.getByLabel("Priority").selectOption("low");

            assertThat(page.getByTestId("stale-ticket")).containsText("This ticket was updated by someone else");
            assertThat(shop.get(ticket).priority()).isEqualTo(TicketPriority.URGENT);
            page.getByTestId("reload-ticket").click();
            assertThat(page.getByLabel("Priority")).hasValue("urgent");
            assertThat(page.getByTestId("timeline-entry").last()).containsText("Emma Schmidt");
        }
    }

    @Test
    void keyboardShortcutsOpenTheComposerTabsSolveTheTicketAndExplainThemselves() {
        var shop = shops.open("Keyboard Shop", "Lin Jing");
        var john = shop.customer("John Miller", "john@example.com", "en", null);
        var first = shop.ticket(john, "First question", "One.");
        var second = shop.ticket(john, "Second question", "Two.");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets?view=open");

            page.keyboard().press("j");
            page.keyboard().press("j");
            assertThat(page.locator(".xo-row-current")).hasAttribute("data-number", String.valueOf(first.number()));
            page.keyboard().press("k");
            assertThat(page.locator(".xo-row-current")).hasAttribute("data-number", String.valueOf(second.number()));
            page.keyboard().press("Enter");
            assertThat(page).hasURL(Pattern.compile(".*/tickets/" + second.number() + "$"));
            page.waitForLoadState();

            page.keyboard().press("n");
            assertThat(page.locator("#kind-note")).isChecked();
            assertThat(page.getByLabel("Message")).isFocused();
            page.keyboard().press("Escape");
            page.keyboard().press("r");
            assertThat(page.locator("#kind-reply")).isChecked();
            page.keyboard().type("Answered.");
            page.keyboard().press("Control+Enter");
            assertThat(page.getByTestId("entry-body").last()).hasText("Answered.");
            // The fresh composer takes the focus back once htmx has settled the answer: only then does
            // Escape leave it, else the focus returns to it after Escape and "s" is typed into it.
            assertThat(page.getByLabel("Message")).isFocused();
            assertThat(page.getByLabel("Message")).hasValue("");
            page.keyboard().press("Escape");
            assertThat(page.getByLabel("Message")).not().isFocused();
            page.keyboard().press("s");
            assertThat(page.locator("#ticket-header").getByTestId("status-badge")).hasText("Solved");
            page.keyboard().press("Shift+?");
            assertThat(page.getByTestId("shortcuts")).isVisible();
            assertThat(page.getByTestId("shortcuts")).containsText("Mark as solved");
        }
    }

    @Test
    void theTicketPageFitsAPhoneScreen() {
        var shop = shops.open("Phone Shop", "Lin Jing");
        var wang = shop.customer("王晓梅", "xiaomei@example.cn", "zh-CN", "vip", "生鲜", "复购客户");
        var ticket = shop.ticket(wang, "收到的桃子有一半烂了，礼盒外包装也压坏了，需要退款还是补发？",
                "https://shop.example.cn/orders/2026112200012345678901234567890 这个订单的桃子一半都烂了。");
        shop.reply(shop.admin, ticket, "非常抱歉！我们马上为您补发一盒。");
        try (var context = browser.context(port, "en-US", 360, 740)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets/" + ticket.number());
            assertFitsTheScreen(page);
            page.getByLabel("Message").fill("已补发，单号 SF1234567890。");
            page.getByTestId("send-reply").click();
            assertThat(page.getByTestId("entry-body").last()).hasText("已补发，单号 SF1234567890。");
            assertFitsTheScreen(page);
            Browser.screenshot(page, "ticket-phone");

            page.navigate("/tickets?view=all");
            assertFitsTheScreen(page);
            Browser.screenshot(page, "inbox-phone");
        }
    }

    static void assertFitsTheScreen(Page page) {
        var overflow = (Integer) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        var culprits = page.evaluate("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')""");
        assertThat(overflow).as("horizontal overflow of %s in px, caused by %s", page.url(), culprits)
                .isLessThanOrEqualTo(0);
    }

    private static java.util.List<String> problemsOf(Page page) {
        var problems = new ArrayList<String>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                problems.add(message.text());
            }
        });
        page.onPageError(problems::add);
        return problems;
    }
}
