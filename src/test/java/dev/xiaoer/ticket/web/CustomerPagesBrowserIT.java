package dev.xiaoer.ticket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.customer.IdentityType;
import dev.xiaoer.customer.NewCustomer;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@RequiresBrowser
class CustomerPagesBrowserIT extends BrowserTest {

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
    void searchFindsACustomerWhosePageShowsTheirProfileAndTheirTicketsNewestFirst() {
        var shop = shops.open("Customer Farm", "Lin Jing");
        var zhang = shop.customer(new NewCustomer("张建国", null, "+8613800138001", "zh-CN", "vip",
                Set.of("种植大户", "山东"), "种植小麦 300 亩，每年春耕前集中采购。",
                List.of(new ChannelIdentity(IdentityType.WECHAT_OPENID, "oX2p8wZhang"))));
        shop.customer("John Miller", "john@example.com", "en", null, "cross-border");
        var first = shop.ticket(zhang, "咨询小麦返青期追肥用量", "每亩追多少尿素？");
        shop.status(shop.admin, first, TicketStatus.SOLVED);
        shop.ticket(zhang, "复合肥还没发货", "春耕等着用。");
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/customers");
            assertThat(page.getByTestId("customer-row")).hasCount(2);

            page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search customers")).fill("138 0013");
            assertThat(page.getByTestId("customer-row")).hasCount(1);
            assertThat(page).hasURL(Pattern.compile(".*/customers\\?q=138%200013$"));
            page.getByText("张建国").click();

            assertThat(page).hasURL(Pattern.compile(".*/customers/" + zhang.value() + "$"));
            assertThat(page.getByTestId("customer-name")).hasText("张建国");
            assertThat(page.getByTestId("customer-profile")).containsText("+8613800138001");
            assertThat(page.getByTestId("customer-profile")).containsText("Chinese");
            assertThat(page.getByTestId("customer-profile")).containsText("VIP");
            assertThat(page.getByTestId("customer-tags")).containsText("种植大户");
            assertThat(page.getByTestId("customer-identities")).containsText("oX2p8wZhang");
            assertThat(page.getByTestId("customer-identities")).containsText("WeChat");
            assertThat(page.getByTestId("customer-notes")).hasText("种植小麦 300 亩，每年春耕前集中采购。");
            var rows = page.getByTestId("customer-tickets").getByTestId("ticket-row");
            assertThat(rows).hasCount(2);
            assertThat(rows.first()).containsText("复合肥还没发货");
            assertThat(rows.last()).containsText("咨询小麦返青期追肥用量");
            assertThat(rows.last().getByTestId("status-badge")).hasText("Solved");
            assertThat(page.getByTestId("customer-tickets")).containsText("2 tickets, 1 open");
        }
    }

    @Test
    void aLongListShowsMoreTicketsOnRequest() {
        var shop = shops.open("Busy Farm", "Lin Jing");
        var john = shop.customer("John Miller", "john@example.com", "en", null);
        for (int i = 1; i <= TicketListController.PAGE_SIZE + 2; i++) {
            shop.ticket(john, "Question number " + i, "Body " + i);
        }
        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);
            page.navigate("/tickets?view=open");
            assertThat(page.getByTestId("ticket-row")).hasCount(TicketListController.PAGE_SIZE);
            assertThat(page.getByTestId("ticket-row").first()).containsText("Question number 27");

            page.getByTestId("load-more").click();

            assertThat(page.getByTestId("ticket-row")).hasCount(TicketListController.PAGE_SIZE + 2);
            assertThat(page.getByTestId("ticket-row").last()).containsText("Question number 1");
            assertThat(page.getByTestId("load-more")).hasCount(0);

            page.navigate("/customers/" + john.value());
            assertThat(page.getByTestId("ticket-row")).hasCount(TicketListController.PAGE_SIZE);
            page.getByTestId("load-more").click();
            assertThat(page.getByTestId("ticket-row")).hasCount(TicketListController.PAGE_SIZE + 2);
        }
    }
}
