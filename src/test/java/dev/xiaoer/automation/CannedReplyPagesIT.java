package dev.xiaoer.automation;

import static dev.xiaoer.automation.CannedReplyShops.deliveryDelay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.support.BrowserSession;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketManagement;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/** Admin → Canned replies and the composer's picker, as a signed-in browser sees them over HTTP. */
@IntegrationTest
class CannedReplyPagesIT {

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

    CannedReplyShops.Shop shop;
    BrowserSession admin;

    @BeforeEach
    void signedInAdmin() {
        shop = new CannedReplyShops(workspaces, identity, customers, tickets, replies).open("Form Orchard", "Lin Jing");
        admin = new BrowserSession(port);
        admin.signIn(shop.adminEmail(), TestWorkspaces.PASSWORD);
    }

    @Test
    void anAdminWritesAReplyInBothLanguagesAndFindsItInTheList() {
        var empty = admin.get("/admin/canned-replies");
        assertThat(empty.body()).contains("data-testid=\"canned-empty\"").contains("data-nav=\"canned-replies\"");
        admin.get("/admin/canned-replies/new");

        var saved = admin.submit("/admin/canned-replies", Map.of("title", "发货延迟 / Delivery delay",
                "shortcut", "delay", "texts[0].text", "{{customer.name}}您好，包裹延迟了。",
                "texts[1].text", "Hi {{customer.name}}, your parcel is late.", "texts[2].language", "ja",
                "texts[2].text", "{{customer.name}}様、発送が遅れております。"));

        assertThat(saved.statusCode()).isEqualTo(302);
        var list = admin.get("/admin/canned-replies");
        assertThat(text(list)).contains("Saved “发货延迟 / Delivery delay”.").contains("1 canned reply")
                .contains("{{customer.name}}您好，包裹延迟了。");
        var reply = replies.list(shop.id(), "").getFirst();
        assertThat(reply.texts()).extracting(CannedReplyText::language).containsExactly("zh-CN", "en", "ja");
        var form = admin.get("/admin/canned-replies/" + reply.id());
        assertThat(textarea(form, "texts1.text")).isEqualTo("Hi {{customer.name}}, your parcel is late.");
        assertThat(textarea(form, "texts2.text")).isEqualTo("{{customer.name}}様、発送が遅れております。");
        assertThat(form.body()).as("an empty pair for one more language").contains("id=\"texts3.language\"");
    }

    @Test
    void anUnknownVariableIsShownAtItsTextNothingIsSavedAndTheFormKeepsWhatWasTyped() {
        admin.get("/admin/canned-replies/new");

        var refused = admin.submit("/admin/canned-replies", Map.of("title", "Order late",
                "texts[0].text", "您好", "texts[1].text", "Your order {{order.number}} is late."));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .containsPattern("<textarea(?=[^>]*id=\"texts1.text\")(?=[^>]*class=\"[^\"]*is-invalid)")
                .contains("id=\"texts-1-text-error\"");
        assertThat(text(refused)).contains("{{order.number}} is not a variable. Use one of: {{customer.name}}")
                .contains("Not saved");
        assertThat(textarea(refused, "texts1.text")).isEqualTo("Your order {{order.number}} is late.");
        assertThat(replies.list(shop.id(), "")).isEmpty();
    }

    @Test
    void aTitleAnotherReplyHasIsShownAtTheTitle() {
        shop.reply(deliveryDelay());
        admin.get("/admin/canned-replies/new");

        var refused = admin.submit("/admin/canned-replies", Map.of("title", "发货延迟 / DELIVERY DELAY",
                "texts[1].text", "Late again."));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("<input(?=[^>]*id=\"title\")(?=[^>]*class=\"[^\"]*is-invalid)");
        assertThat(text(refused)).contains("Another canned reply is already called “发货延迟 / DELIVERY DELAY”.");
    }

    @Test
    void editingSavesTheNewTextsAndDeletingGoesBackToTheListThatSaysWhatWent() {
        var reply = shop.reply(deliveryDelay());
        admin.get("/admin/canned-replies/" + reply.id());

        var saved = admin.submit("/admin/canned-replies/" + reply.id(), Map.of("title", "Delivery delay",
                "shortcut", "", "texts[0].text", "", "texts[1].text", "Hi {{customer.name}}, sorry for the wait."));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(text(admin.get("/admin/canned-replies"))).contains("Saved “Delivery delay”.");
        assertThat(replies.get(shop.id(), reply.id()).texts()).extracting(CannedReplyText::language)
                .as("the Chinese text emptied is dropped").containsExactly("en");

        admin.get("/admin/canned-replies/" + reply.id());
        var deleted = admin.htmx("POST", "/admin/canned-replies/" + reply.id() + "/delete");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.headers().firstValue("HX-Redirect")).hasValue("/admin/canned-replies");
        assertThat(text(admin.get("/admin/canned-replies"))).contains("Deleted “Delivery delay”.");
        assertThat(replies.list(shop.id(), "")).isEmpty();
    }

    @Test
    void formsWithoutTheCsrfTokenChangeNothing() {
        var reply = shop.reply(deliveryDelay());

        assertThat(admin.post("/admin/canned-replies/" + reply.id() + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/canned-replies", Map.of("title", "Sneaky", "texts[1].text", "Hi")).statusCode())
                .isEqualTo(403);
        assertThat(replies.list(shop.id(), "")).containsExactly(reply);
    }

    @Test
    void agentsPickCannedRepliesButCannotChangeThem() {
        var reply = shop.reply(deliveryDelay());
        var ticket = shop.ticket(shop.customer("John Miller", "en"), "Where is my parcel?");
        var agent = new BrowserSession(port);
        agent.signIn(shop.agent("Emma Schmidt", Locale.ENGLISH).email(), TestWorkspaces.PASSWORD);

        assertThat(agent.get("/admin/canned-replies").statusCode()).isEqualTo(403);
        assertThat(agent.get("/admin/canned-replies/" + reply.id()).statusCode()).isEqualTo(403);
        var picker = agent.htmx("GET", "/canned-replies/picker/" + ticket.number() + "?q=delay");
        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(text(picker)).contains("Hi John Miller, the parcel of ticket #" + ticket.number()
                + " is delayed by heavy rain and leaves within two days. — Emma Schmidt");
    }

    @Test
    void thePickerPrintsTheCustomersNameAsTextNeverAsMarkup() {
        shop.reply(deliveryDelay());
        var ticket = shop.ticket(shop.customer("<img src=x onerror=alert(1)>", "en"), "Parcel late");

        var picker = admin.htmx("GET", "/canned-replies/picker/" + ticket.number());

        assertThat(picker.body()).doesNotContain("<img").contains("Hi &lt;img src=x onerror=alert(1)&gt;, the parcel");
    }

    @Test
    void thePickerOfATicketNumberTheWorkspaceDoesNotHaveIsNotFoundAndASearchMatchingNothingSaysSo() {
        shop.reply(deliveryDelay());
        var ticket = shop.ticket(shop.customer("王晓梅", "zh-CN"), "桃子还没到");

        assertThat(admin.htmx("GET", "/canned-replies/picker/987654").statusCode()).isEqualTo(404);
        assertThat(text(admin.htmx("GET", "/canned-replies/picker/" + ticket.number() + "?q=refund")))
                .contains("No canned reply matches “refund”.");
    }

    private static String textarea(HttpResponse<String> page, String id) {
        var textarea = Pattern.compile("<textarea[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)</textarea>")
                .matcher(page.body());
        assertThat(textarea.find()).as("the field " + id).isTrue();
        return HtmlUtils.htmlUnescape(textarea.group(1)).strip();
    }

    private static String text(HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body());
    }
}
