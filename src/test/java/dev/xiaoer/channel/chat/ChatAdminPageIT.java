package dev.xiaoer.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.identity.Role;
import dev.xiaoer.support.BrowserSession;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/** Admin → Live chat, as a signed-in admin's browser sees it over HTTP. */
@IntegrationTest
class ChatAdminPageIT {


    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    TestWorkspaces.TestWorkspace shop;
    BrowserSession admin;
    @Autowired
    ChatSettingsRows settings;

    @BeforeEach
    void signedInAdmin() {
        shop = workspaces.create("Chat Settings Orchard");
        admin = new BrowserSession(port);
        admin.signIn(shop.admin().email(), TestWorkspaces.PASSWORD);
    }

    @Test
    void thePageShowsTheSnippetToPasteAndSaysThatAnySiteMayOpenTheChatUntilSitesAreListed() {
        var page = admin.get("/admin/chat");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page)).contains("<script src=\"http://localhost:8080/chat/widget.js\" data-workspace=\""
                + shop.workspace().id().value() + "\" async></script>");
        assertThat(page.body()).contains("data-testid=\"origins-any\"").contains("any website may open this chat")
                .contains("data-nav=\"chat\"");
    }

    @Test
    void anAdminSavesTheSitesAllowedToOpenTheChat() {
        admin.get("/admin/chat");
        var saved = admin.submit("/admin/chat/origins",
                Map.of("origins", "https://Shop.Example.com/\n\nhttp://localhost:3000\nhttps://shop.example.com:443"));
        assertThat(saved.statusCode()).isEqualTo(302);

        var page = admin.get("/admin/chat");
        assertThat(page.body()).contains("data-testid=\"origins-saved\"").doesNotContain("data-testid=\"origins-any\"");
        assertThat(allowedOrigins(page)).isEqualTo("https://shop.example.com\nhttp://localhost:3000");
    }

    @Test
    void aLineThatIsNoOriginIsShownAsAFieldErrorAndNothingIsSaved() {
        admin.get("/admin/chat");
        admin.submit("/admin/chat/origins", Map.of("origins", "https://shop.example.com"));
        admin.get("/admin/chat");

        var refused = admin.submit("/admin/chat/origins",
                Map.of("origins", "https://shop.example.com\nhttps://m.example.com\nshop.example.com/cart"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("is-invalid").contains("id=\"origins-error\"");
        assertThat(text(refused)).contains("Not an origin: shop.example.com/cart.").contains("Nothing was saved.");
        assertThat(allowedOrigins(refused)).as("the form keeps what was typed")
                .isEqualTo("https://shop.example.com\nhttps://m.example.com\nshop.example.com/cart");
        assertThat(allowedOrigins(admin.get("/admin/chat"))).isEqualTo("https://shop.example.com");
    }

    @Test
    void anAdminSavesTheChatHoursAndALineThatIsNoHoursIsRefusedWithNothingSaved() {
        admin.get("/admin/chat");
        var saved = admin.submit("/admin/chat/hours", Map.of("hours", "mon-fri 9:00-18:00\nSat 09:00-12:00"));
        assertThat(saved.statusCode()).isEqualTo(302);
        var page = admin.get("/admin/chat");
        assertThat(page.body()).contains("data-testid=\"hours-saved\"").contains("Asia/Shanghai");
        assertThat(settings.find(shop.workspace().id()).hours().text()).isEqualTo("Mon-Fri 09:00-18:00\nSat 09:00-12:00");

        var refused = admin.submit("/admin/chat/hours", Map.of("hours", "Mon-Fri 09:00-18:00\nweekends"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"hours-error\"");
        assertThat(text(refused)).contains("Not a span of hours: weekends.");
        assertThat(settings.find(shop.workspace().id()).hours().text()).isEqualTo("Mon-Fri 09:00-18:00\nSat 09:00-12:00");
    }

    @Test
    void regeneratingTheSigningSecretReplacesIt() {
        var before = secret(admin.get("/admin/chat"));
        assertThat(secret(admin.get("/admin/chat"))).as("the same secret until regenerated").isEqualTo(before);

        assertThat(admin.submit("/admin/chat/secret", Map.of()).statusCode()).isEqualTo(302);

        var page = admin.get("/admin/chat");
        assertThat(page.body()).contains("data-testid=\"secret-regenerated\"");
        assertThat(secret(page)).isNotEqualTo(before);
        assertThat(admin.post("/admin/chat/secret", Map.of()).statusCode()).as("without the CSRF token").isEqualTo(403);
    }

    @Test
    void agentsCannotSeeTheChatSettings() {
        var agent = new BrowserSession(port);
        agent.signIn(workspaces.user(shop.workspace(), Role.AGENT).email(), TestWorkspaces.PASSWORD);

        assertThat(agent.get("/admin/chat").statusCode()).isEqualTo(403);
        assertThat(agent.get("/tickets").body()).doesNotContain(secret(admin.get("/admin/chat")));
    }

    private static String secret(HttpResponse<String> page) {
        var input = Pattern.compile("<input[^>]*data-testid=\"signing-secret\"[^>]*>").matcher(page.body());
        assertThat(input.find()).as("the secret's field").isTrue();
        var value = Pattern.compile("value=\"([0-9a-f]{64})\"").matcher(input.group());
        assertThat(value.find()).as("a secret of 32 random bytes in hex").isTrue();
        return value.group(1);
    }

    private static String allowedOrigins(HttpResponse<String> page) {
        var textarea = Pattern.compile("<textarea[^>]*id=\"origins\"[^>]*>([^<]*)</textarea>").matcher(page.body());
        assertThat(textarea.find()).as("the allowed origins field").isTrue();
        return HtmlUtils.htmlUnescape(textarea.group(1)).strip();
    }

    private static String text(HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body());
    }
}
