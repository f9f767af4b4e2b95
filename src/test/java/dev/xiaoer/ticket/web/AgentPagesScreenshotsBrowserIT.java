package dev.xiaoer.ticket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.customer.IdentityType;
import dev.xiaoer.customer.NewCustomer;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.ticket.SelfServiceLinks;
import dev.xiaoer.ticket.TicketChanges;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.support.Browser;
import dev.xiaoer.support.BrowserTest;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.MutableClock;
import dev.xiaoer.support.RequiresBrowser;
import dev.xiaoer.support.TestWorkspaces;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agent pages and the customer's page with the content of a real shop, in English and Chinese:
 * the screenshots the README shows ({@code target/screenshots/}).
 */
@IntegrationTest
@RequiresBrowser
class AgentPagesScreenshotsBrowserIT extends BrowserTest {

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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theAgentPagesShowARealShopInEnglishAndChinese() {
        var shop = new Shops(workspaces, identity, customers, tickets, agents).open("青禾农资 Green Valley Farm Supply", "赵磊");
        var content = new ShopContent(shop);
        content.fill();
        clock.reset();

        try (var context = browser.desktop(port)) {
            var page = context.newPage();
            Browser.signIn(page, shop.adminEmail(), TestWorkspaces.PASSWORD);

            page.navigate("/tickets?view=open");
            assertThat(page.getByTestId("ticket-row")).hasCount(10);
            save(page, "inbox");

            page.navigate("/tickets/" + content.shears.number());
            assertThat(page.getByTestId("attachment-link")).isVisible();
            save(page, "ticket");

            page.navigate("/customers/" + content.zhang.value());
            assertThat(page.getByTestId("customer-tickets").getByTestId("ticket-row")).hasCount(3);
            save(page, "customer");

            page.navigate("/customers");
            save(page, "customers");

            page.locator(".xo-topbar").getByLabel("Switch to dark mode").click();
            page.navigate("/tickets/" + content.shears.number());
            save(page, "ticket-dark");
            page.locator(".xo-topbar").getByLabel("Switch to light mode").click();
        }
        try (var context = browser.context(port, "zh-CN", 1280, 860)) {
            var page = context.newPage();
            Browser.signIn(page, content.wangfangEmail, TestWorkspaces.PASSWORD);
            page.navigate("/tickets/" + content.peaches.number());
            assertThat(page.getByTestId("ticket-subject")).hasText("收到的桃子有一半烂了");
            save(page, "ticket-zh");

            page.navigate("/tickets?view=mine");
            save(page, "inbox-zh");
        }
        try (var context = browser.context(port, "zh-CN", 1280, 860)) {
            var page = context.newPage();
            page.navigate(SelfServiceLinks.PATH + links.token(shop.workspace.workspace().id(), content.peaches.id(),
                    content.peaches.requester()));
            assertThat(page.getByTestId("ss-subject")).hasText("收到的桃子有一半烂了");
            save(page, "self-service");
        }
    }

    /** What the screen shows, as the README presents it: the desktop viewport, not the whole scrolled page. */
    private static void save(Page page, String name) {
        page.evaluate("() => document.activeElement && document.activeElement.blur()");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve(name + ".png")));
    }

    /** A farm-supply shop's week: Chinese and English customers, agents, teams and tickets at different times. */
    private final class ShopContent {

        final Shops.Shop shop;
        TicketView shears;
        TicketView peaches;
        CustomerId zhang;
        String wangfangEmail;

        ShopContent(Shops.Shop shop) {
            this.shop = shop;
        }

        void fill() {
            var wangfang = shop.agent("王芳", Locale.SIMPLIFIED_CHINESE);
            wangfangEmail = wangfang.email();
            var emma = shop.agent("Emma Schmidt");
            var liwei = shop.agent("李伟", Locale.SIMPLIFIED_CHINESE);
            var me = shop.admin;
            var wang = shop.actor(wangfang, "王芳");
            var em = shop.actor(emma, "Emma Schmidt");
            var li = shop.actor(liwei, "李伟");
            var admin = shop.workspace.admin().id();
            var afterSales = shop.team("售后 After-sales", wangfang.id(), admin);
            var logistics = shop.team("物流 Logistics", liwei.id(), admin);
            var crossBorder = shop.team("跨境 Cross-border", emma.id());

            zhang = shop.customer(new NewCustomer("张建国", null, "+8613800138001", "zh-CN", "vip",
                    Set.of("种植大户", "山东"), "种植小麦 300 亩，每年春耕前集中采购。习惯电话联系，上午 9 点前不要打扰。",
                    List.of(new ChannelIdentity(IdentityType.WECHAT_OPENID, "oX2p8wZhangJianguo"))));
            var xiaomei = shop.customer(new NewCustomer("王晓梅", "xiaomei.wang@example.cn", null, "zh-CN", null,
                    Set.of("生鲜", "复购客户"), null, List.of()));
            var john = shop.customer("John Miller", "john.miller@example.com", "en", null, "cross-border", "us");
            var hans = shop.customer("Hans Becker", "hans.becker@example.de", "en", "vip", "cross-border", "de");
            var liu = shop.customer("刘秀兰", "liuxiulan@example.cn", "zh-CN", null, "果园");
            var chen = shop.customer(new NewCustomer("陈明", null, "+8613700137003", "zh-CN", "vip", Set.of("合作社"),
                    "红星农民专业合作社采购负责人。", List.of()));
            var sophie = shop.customer("Sophie Laurent", "sophie.laurent@example.fr", "en", null, "cross-border");
            var zhou = shop.customer("周杰", "zhoujie@example.cn", "zh-CN", null);
            var sun = shop.customer("孙丽", "sunli@example.cn", "zh-CN", null, "生鲜");
            var maria = shop.customer("María García", "maria.garcia@example.es", "en", null, "cross-border");

            at(Duration.ofDays(3).plusHours(2));
            var topDressing = ticket(zhang, "咨询小麦返青期追肥用量", "返青期每亩追多少尿素合适？去年追了 15 斤感觉有点多。",
                    TicketType.INQUIRY, TicketPriority.NORMAL, TicketChannel.PHONE, wangfang.id(), afterSales);
            at(Duration.ofDays(3));
            shop.reply(wang, topDressing, "张先生您好，返青期一般每亩追尿素 8–10 斤，墒情好可以少一点。有问题随时联系我们。");
            shop.status(wang, topDressing, TicketStatus.SOLVED);

            at(Duration.ofDays(2));
            var seeds = ticket(maria, "Seeds did not germinate", "None of the tomato seeds from order 88231 came up after "
                    + "two weeks. I followed the instructions on the packet.", TicketType.COMPLAINT, TicketPriority.NORMAL,
                    TicketChannel.EMAIL, emma.id(), crossBorder);
            at(Duration.ofDays(1).plusHours(20));
            shop.reply(em, seeds, "I'm sorry to hear that, María. Could you tell us the soil temperature and send a "
                    + "photo of the tray? Then we can replace the seeds or refund you.");
            shop.status(em, seeds, TicketStatus.PENDING);

            at(Duration.ofDays(1).plusHours(3));
            var fertiliser = ticket(liu, "有机肥施了十天没看到效果", "上周买的有机肥施到苹果园十天了，叶子还是发黄，是不是买到假货了？",
                    TicketType.INQUIRY, TicketPriority.NORMAL, TicketChannel.STATION, wangfang.id(), afterSales);
            at(Duration.ofDays(1).plusHours(1));
            shop.reply(wang, fertiliser, "刘阿姨您好，有机肥见效比化肥慢，一般要 2–3 周。叶子发黄也可能是缺铁，服务站可以帮您免费测土。");
            shop.status(wang, fertiliser, TicketStatus.SOLVED);

            at(Duration.ofHours(26));
            var npk = ticket(zhang, "复合肥下单五天还没发货，春耕等着用", "订单 20261117-0032 的 40 袋复合肥五天了还没发货，"
                    + "地里等着用，麻烦尽快。", TicketType.LOGISTICS, TicketPriority.URGENT, TicketChannel.PHONE, admin, logistics,
                    "春耕");
            at(Duration.ofHours(25));
            shop.reply(me, npk, "张先生，非常抱歉！仓库今天加急发出，明天上午送到村服务站。");

            at(Duration.ofHours(6));
            var customs = ticket(sophie, "Customs fee on my seed order", "The courier asks me for 18 EUR customs before "
                    + "delivering my order. Your page said duties were included.", TicketType.INQUIRY, TicketPriority.NORMAL,
                    TicketChannel.EMAIL, emma.id(), crossBorder);
            at(Duration.ofHours(5).plusMinutes(30));
            shop.reply(em, customs, "You're right, duties are on us. I've asked our forwarder to settle the fee; "
                    + "I'll write as soon as they confirm.");
            shop.status(em, customs, TicketStatus.ON_HOLD);

            at(Duration.ofHours(5));
            peaches = ticket(xiaomei, "收到的桃子有一半烂了", "昨天收到的水蜜桃礼盒，12 个里有 6 个都烂了，盒子也压扁了。"
                    + "这是送人的，很着急，能补发吗？", TicketType.COMPLAINT, TicketPriority.NORMAL, TicketChannel.CHAT,
                    wangfang.id(), afterSales, "生鲜");
            at(Duration.ofHours(4).plusMinutes(40));
            shop.reply(wang, peaches, "王女士您好，非常抱歉给您添麻烦了！麻烦拍一张桃子和外箱的照片给我，我马上为您安排补发。");
            at(Duration.ofHours(4).plusMinutes(35));
            shop.note(wang, peaches, "顺丰冷链单号 SF1402298817，外箱有明显挤压。补发走顺丰特快，运费找快递索赔。");
            shop.change(wang, peaches, TicketChanges.none().withPriority(TicketPriority.HIGH)
                    .withTags(Set.of("生鲜", "快递索赔")));
            at(Duration.ofHours(4).plusMinutes(30));
            shop.status(wang, peaches, TicketStatus.PENDING);

            at(Duration.ofHours(4));
            ticket(hans, "Wrong voltage on the soil moisture sensor", "The sensor kit says 110 V on the "
                    + "adapter; we use 230 V here in Germany. Is it safe to use with a travel adapter?",
                    TicketType.TECHNICAL_QUESTION, TicketPriority.HIGH, TicketChannel.API, emma.id(), crossBorder);

            at(Duration.ofHours(3));
            shears = ticket(john, "Return for a damaged pruning shear set", "Hi, the pruning shear set from order 88123 "
                    + "arrived with a cracked handle on the large shears. I'd like a replacement, or a refund if that's "
                    + "easier.", TicketType.AFTER_SALES, TicketPriority.NORMAL, TicketChannel.EMAIL, admin, afterSales,
                    "cross-border");
            ticket(zhang, "除草剂用后麦苗发黄", "按说明书用量打了除草剂，三天后麦苗大片发黄，是不是药有问题？",
                    TicketType.COMPLAINT, TicketPriority.URGENT, TicketChannel.PHONE, admin, afterSales);
            at(Duration.ofHours(2).plusMinutes(30));
            shop.reply(me, shears, "Hello John, I'm sorry the shears arrived damaged. Could you send a photo of the "
                    + "cracked handle? Then I'll send a replacement right away.");
            at(Duration.ofHours(2));
            var parcel = ticket(zhou, "快递显示签收但我没收到", "物流显示昨天下午已签收，但我家里没人收到，门口也没有。",
                    TicketType.LOGISTICS, TicketPriority.HIGH, TicketChannel.CHAT, liwei.id(), logistics);
            shop.reply(li, parcel, "周先生您好，我已联系快递员核实投递位置，半小时内回复您。");
            at(Duration.ofHours(1).plusMinutes(10));
            tickets.attach(customerActor(john, "John Miller"), shears.id(), "cracked-handle.png", photo());
            shop.customerWrites(shears, "Here is the photo. The crack goes right through the grip.");
            at(Duration.ofMinutes(50));
            shop.note(me, shears, "Photo confirms transport damage. Replacement approved; stock shows 14 sets in Shanghai.");
            shop.change(me, shears, TicketChanges.none().withPriority(TicketPriority.HIGH).withTags(
                    Set.of("cross-border", "replacement")));
            at(Duration.ofMinutes(45));
            shop.reply(me, shears, "Thanks, John. A new set leaves our Shanghai warehouse today; you'll get the tracking "
                    + "number by e-mail. No need to send the damaged one back.");
            shop.status(me, shears, TicketStatus.PENDING);

            at(Duration.ofMinutes(40));
            shop.customerWrites(npk, "货到了，但少了 2 袋，服务站说只收到 38 袋。");
            at(Duration.ofMinutes(35));
            ticket(chen, "合作社批量采购尿素开增值税专票", "合作社要采购 20 吨尿素，需要开增值税专用发票，请问怎么下单？",
                    TicketType.INQUIRY, TicketPriority.NORMAL, TicketChannel.PHONE, null, null);
            at(Duration.ofMinutes(12));
            shop.customerWrites(peaches, "照片发给您了，外箱都压坏了。补发的能今天发出吗？");
            at(Duration.ofMinutes(8));
            ticket(sun, "车厘子冷链包装破损", "车厘子到的时候冰袋全化了，泡沫箱也裂了，一半都软了。",
                    TicketType.AFTER_SALES, TicketPriority.URGENT, TicketChannel.WECHAT, null, null);
        }

        private TicketView ticket(CustomerId customer, String subject, String body, TicketType type,
                                  TicketPriority priority, TicketChannel channel, UserId assignee,
                                  TeamId team, String... tags) {
            return shop.ticket(customer, subject, body, type, priority, channel, assignee, team, tags);
        }

        private Actor customerActor(CustomerId customer, String name) {
            return Actor.customer(shop.workspace.workspace().id(), customer.value(), name);
        }

        private void at(Duration ago) {
            clock.reset();
            clock.advance(ago.negated());
        }
    }

    /** A small picture of a cracked handle, as a customer's phone would send it. */
    private static byte[] photo() {
        var image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(0xE8F0E0), 320, 200, new Color(0xB8C9A8)));
        graphics.fillRect(0, 0, 320, 200);
        graphics.setColor(new Color(0xC0392B));
        graphics.fillRoundRect(40, 80, 240, 40, 20, 20);
        graphics.setColor(Color.DARK_GRAY);
        graphics.drawLine(150, 80, 170, 120);
        graphics.dispose();
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
