package dev.xiaoer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.automation.CannedReplies;
import dev.xiaoer.automation.CannedReply;
import dev.xiaoer.automation.CannedReplyText;
import dev.xiaoer.support.BrowserSession;
import dev.xiaoer.ticket.TicketFilter;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The local try-out's first start, on a database of its own: the demo workspace appears and the
 * printed password signs in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-first-start;MODE=PostgreSQL;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "spring.datasource.username=sa", "spring.datasource.password=", "xiaoer.demo.enabled=true"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class DemoWorkspaceIT {

    private static final Pattern SIGN_IN = Pattern.compile("Sign in as (\\S+) with the password (\\S+)");

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceManagement workspaces;

    @Autowired
    TicketManagement tickets;

    @Autowired
    CannedReplies cannedReplies;

    @Test
    void theFirstStartCreatesTheDemoShopAndPrintsAPasswordThatSignsIn(CapturedOutput output) {
        var printed = SIGN_IN.matcher(output.getAll());
        assertThat(printed.find()).as("the console says how to sign in").isTrue();
        assertThat(output.getAll()).contains("Xiaoer is ready at http://localhost:" + port);

        var browser = new BrowserSession(port);
        var signIn = browser.signIn(printed.group(1), printed.group(2));
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void theDemoShopHasDozensOfChineseAndEnglishTicketsInEveryStatus() {
        var shop = workspaces.all().getFirst();
        var all = allTickets(shop.id());

        assertThat(shop.name()).contains("Green Valley");
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all).extracting(TicketView::subject)
                .contains("复合肥下单五天还没发货，春耕等着用", "收到的桃子有一半烂了", "Return for a damaged pruning shear set");
        assertThat(all).extracting(TicketView::status).contains(TicketStatus.values());
    }

    @Test
    void theDemoShopHasCannedRepliesInChineseAndEnglish() {
        var replies = cannedReplies.list(workspaces.all().getFirst().id(), "");

        assertThat(replies).extracting(CannedReply::title).contains("发货延迟 / Delivery delay",
                "拍照理赔 / Photo for a claim", "施肥见效时间 / When fertilizer shows effect");
        assertThat(replies).allSatisfy(reply -> assertThat(reply.texts()).extracting(CannedReplyText::language)
                .contains("zh-CN", "en"));
    }

    @Test
    void eachPasswordIsGeneratedNotFixed() {
        assertThat(DemoPasswords.generate()).isNotEqualTo(DemoPasswords.generate()).hasSize(17);
    }

    private List<TicketView> allTickets(dev.xiaoer.workspace.WorkspaceId workspace) {
        var all = new ArrayList<TicketView>();
        String cursor = null;
        do {
            var page = tickets.list(workspace, TicketFilter.all(), cursor, 100);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
