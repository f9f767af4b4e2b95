package dev.xiaoer.automation.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.xiaoer.automation.CannedReplyShops.deliveryDelay;
import static dev.xiaoer.automation.CannedReplyShops.en;
import static dev.xiaoer.automation.CannedReplyShops.zh;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.xiaoer.automation.CannedReplies;
import dev.xiaoer.automation.CannedReplyDraft;
import dev.xiaoer.automation.CannedReplyShops;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TimelineEntry;
import dev.xiaoer.ticket.TimelineEntryKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@RequiresBrowser
class CannedRepliesBrowserIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    CannedReplies replies;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    IdentityManagement identity;
    @Autowired
    CustomerManagement customers;
    @Autowired
    TicketManagement tickets;

    CannedReplyShops shops;

    @BeforeEach
    void shops() {
        shops = new CannedReplyShops(workspaces, identity, customers, tickets, replies);
    }

    @Test
    void anAdminWritesACannedReplyAndAnAgentInsertsItFilledInForTheCustomerEditsItAndSendsIt() {
        var shop = shops.open("Orchard Direct", "Lin Jing");
        var emma = shop.agent("Emma Schmidt", Locale.ENGLISH);
        var ticket = shop.ticket(shop.customer("王晓梅", "zh-CN"), "桃子还没到");
        shop.reply(new CannedReplyDraft("拍照理赔 / Photo for a claim", "photo", List.of(
                zh("{{customer.name}}您好，请拍下破损的商品。"), en("Hi {{customer.name}}, please send a photo."))));

        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/admin/canned-replies");
            page.getByTestId("new-canned-reply").click();
            page.getByLabel("Title").fill("发货延迟 / Delivery delay");
            page.getByLabel("Shortcut").fill("delay");
            page.getByTestId("canned-text-zh-CN").fill("{{customer.nam}}您好，工单 #{{ticket.number}} 的包裹因暴雨延迟发货。");
            page.getByTestId("canned-text-en").fill("Hi {{customer.name}}, the parcel of ticket #{{ticket.number}} is"
                    + " delayed by heavy rain.");
            page.getByTestId("save-canned-reply").click();

            assertThat(page.locator("#texts-0-text-error")).hasText("{{customer.nam}} is not a variable. Use one of:"
                    + " {{customer.name}}, {{ticket.number}}, {{ticket.subject}}, {{agent.name}}.");
            assertThat(page.getByTestId("canned-text-en")).hasValue("Hi {{customer.name}}, the parcel of ticket"
                    + " #{{ticket.number}} is delayed by heavy rain.");
            Browser.screenshot(page, "canned-reply-form-refused");
            page.getByTestId("canned-text-zh-CN").fill("{{customer.name}}您好，工单 #{{ticket.number}} 的包裹因暴雨延迟发货。");
            page.getByTestId("save-canned-reply").click();

            assertThat(page.getByTestId("canned-saved")).containsText("发货延迟 / Delivery delay");
            assertThat(page.getByTestId("canned-row")).hasCount(2);
        }

        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            var problems = problemsOf(page);
            Browser.signIn(page, emma.email(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets/" + ticket.number());
            var message = page.getByLabel("Message");
            message.focus();
            page.keyboard().press("/");

            assertThat(page.locator("#canned-search")).isFocused();
            assertThat(message).hasValue("");
            assertThat(page.getByTestId("canned-option")).hasCount(2);
            page.keyboard().type("delay");
            assertThat(page.getByTestId("canned-option")).hasCount(1);
            var filled = "王晓梅您好，工单 #" + ticket.number() + " 的包裹因暴雨延迟发货。";
            assertThat(page.getByTestId("canned-preview")).hasText(filled);
            assertThat(page.getByTestId("canned-option")).containsText("Chinese");
            Browser.screenshot(page, "canned-reply-picker");
            page.keyboard().press("Enter");

            assertThat(page.getByTestId("canned-picker")).hasCount(0);
            assertThat(message).hasValue(filled);
            assertThat(message).isFocused();
            page.keyboard().type("我们会尽快发出，谢谢您的耐心！");
            page.getByTestId("send-reply").click();

            var sent = filled + "我们会尽快发出，谢谢您的耐心！";
            var reply = page.getByTestId("timeline-entry").filter(new Locator.FilterOptions().setHasText(sent));
            assertThat(reply).hasAttribute("data-style", "agent");
            assertThat(reply.getByTestId("entry-body")).hasText(sent);
            assertThat(message).hasValue("");
            assertThat(lastMessage(shop, ticket.id())).isEqualTo(sent);
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void onAPhoneTheButtonOpensThePickerTheKeysMoveThroughItAndAHostileNameIsInsertedAsText() {
        var shop = shops.open("Careful Orchard", "Lin Jing");
        var hostile = "<img src=x onerror=alert(1)>";
        var ticket = shop.ticket(shop.customer(hostile, "en"), "Parcel late");
        shop.reply(deliveryDelay());
        shop.reply(new CannedReplyDraft("Photo for a claim", null,
                List.of(en("Hi {{customer.name}}, a photo, please."))));

        try (var context = browser.context(port, "en-US", 390, 844)) {
            var page = context.newPage();
            var dialogs = new ArrayList<String>();
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets/" + ticket.number());
            var message = page.getByLabel("Message");
            message.pressSequentially("1/2 ");
            // "/" in a message being written is a slash.
            assertThat(message).hasValue("1/2 ");
            assertThat(page.getByTestId("canned-picker")).hasCount(0);
            message.fill("");

            page.getByTestId("open-canned-replies").click();
            var options = page.getByTestId("canned-option");
            assertThat(options).hasCount(2);
            assertThat(page.locator("#canned-search")).isFocused();
            assertThat(options.first()).hasAttribute("aria-selected", "true");
            page.keyboard().press("ArrowDown");
            assertThat(options.nth(1)).hasAttribute("aria-selected", "true");
            assertThat(page.locator("#canned-search")).hasAttribute("aria-activedescendant", "canned-option-1");
            page.keyboard().press("ArrowUp");
            assertThat(options.first()).hasAttribute("aria-selected", "true");
            page.keyboard().press("Escape");
            assertThat(page.getByTestId("canned-picker")).hasCount(0);
            assertThat(message).isFocused();
            assertThat(message).hasValue("");

            page.getByTestId("open-canned-replies").click();
            var box = page.getByTestId("canned-picker").boundingBox();
            assertThat(box.x).isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).as("the picker fits the phone's screen").isLessThanOrEqualTo(390);
            Browser.screenshot(page, "canned-reply-picker-phone");
            options.filter(new Locator.FilterOptions().setHasText("Delivery delay")).click();

            var filled = "Hi " + hostile + ", the parcel of ticket #" + ticket.number()
                    + " is delayed by heavy rain and leaves within two days. — Lin Jing";
            assertThat(message).hasValue(filled);
            page.getByTestId("send-reply").click();
            assertThat(page.getByTestId("timeline-entry").filter(new Locator.FilterOptions().setHasText(filled))
                    .getByTestId("entry-body")).hasText(filled);
            assertThat(page.locator("main img")).hasCount(0);
            assertThat(dialogs).isEmpty();
        }
    }

    private String lastMessage(CannedReplyShops.Shop shop, TicketId ticket) {
        return tickets.timeline(shop.id(), ticket, null, 50).items().stream()
                .filter(entry -> entry.kind() == TimelineEntryKind.MESSAGE).map(TimelineEntry::body)
                .reduce((first, second) -> second).orElseThrow();
    }

    private static List<String> problemsOf(Page page) {
        var problems = new ArrayList<String>();
        page.onConsoleMessage(console -> {
            if ("error".equals(console.type())) {
                problems.add(console.text());
            }
        });
        page.onPageError(problems::add);
        return problems;
    }
}
