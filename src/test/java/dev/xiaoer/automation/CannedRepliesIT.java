package dev.xiaoer.automation;

import static dev.xiaoer.automation.CannedReplyShops.deliveryDelay;
import static dev.xiaoer.automation.CannedReplyShops.en;
import static dev.xiaoer.automation.CannedReplyShops.zh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.identity.IdentityManagement;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketManagement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Canned replies through the module's facade, on the application's real database. */
@IntegrationTest
class CannedRepliesIT {

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
    @Autowired
    JdbcClient jdbc;

    CannedReplyShops shops;

    @BeforeEach
    void shops() {
        shops = new CannedReplyShops(workspaces, identity, customers, tickets, replies);
    }

    @Test
    void aReplyWrittenInChineseAndEnglishIsFoundByItsTitleItsShortcutOrItsText() {
        var shop = shops.open("Orchard Direct", "Lin Jing");
        var delay = shop.reply(deliveryDelay());
        shop.reply(new CannedReplyDraft("拍照理赔 / Photo for a claim", "photo", List.of(
                zh("请拍下破损的商品和快递面单。"), en("Please send a photo of the damaged goods and the label."))));

        var saved = replies.get(shop.id(), delay.id());
        assertThat(saved.title()).isEqualTo("发货延迟 / Delivery delay");
        assertThat(saved.shortcut()).isEqualTo("delay");
        assertThat(saved.texts()).extracting(CannedReplyText::language).containsExactly("zh-CN", "en");
        assertThat(titles(shop, "")).containsExactly("发货延迟 / Delivery delay", "拍照理赔 / Photo for a claim");
        assertThat(titles(shop, "DELIVERY")).containsExactly("发货延迟 / Delivery delay");
        assertThat(titles(shop, "photo")).containsExactly("拍照理赔 / Photo for a claim");
        assertThat(titles(shop, "面单")).as("a word of a text").containsExactly("拍照理赔 / Photo for a claim");
        assertThat(titles(shop, "100%")).as("% is a character, not a wildcard").isEmpty();
    }

    @Test
    void anExactShortcutComesFirstThenTitlesStartingWithTheSearch() {
        var shop = shops.open("Ranking Farm", "Lin Jing");
        shop.reply(new CannedReplyDraft("Refund on its way", null,
                List.of(en("Your refund for the fruit is on its way."))));
        shop.reply(new CannedReplyDraft("Fruit quality", null, List.of(en("We check every box."))));
        shop.reply(new CannedReplyDraft("Where is my parcel", "fruit", List.of(en("It is on its way."))));

        assertThat(titles(shop, "fruit")).containsExactly("Where is my parcel", "Fruit quality", "Refund on its way");
    }

    @Test
    void savingAgainReplacesTitleShortcutAndTextsAndDropsALanguageLeftOut() {
        var shop = shops.open("Editing Farm", "Lin Jing");
        var reply = shop.reply(deliveryDelay());

        var edited = replies.update(shop.id(), reply.id(), new CannedReplyDraft("Delivery delay", "", List.of(
                en("Hi {{customer.name}}, sorry: the rain holds up your parcel."),
                new CannedReplyText("ja", "{{customer.name}}様、雨のため発送が遅れております。"))));

        var saved = replies.get(shop.id(), reply.id());
        assertThat(saved).isEqualTo(edited);
        assertThat(saved.title()).isEqualTo("Delivery delay");
        assertThat(saved.shortcut()).isNull();
        assertThat(saved.texts()).containsExactly(en("Hi {{customer.name}}, sorry: the rain holds up your parcel."),
                new CannedReplyText("ja", "{{customer.name}}様、雨のため発送が遅れております。"));
        assertThat(saved.createdAt()).isEqualTo(reply.createdAt());
    }

    @Test
    void aTextWithAnUnknownVariableIsRefusedAtItsFieldAndNothingIsSaved() {
        var shop = shops.open("Variable Farm", "Lin Jing");
        var reply = shop.reply(deliveryDelay());
        var typo = new CannedReplyDraft("Delivery delay", null,
                List.of(zh("您好"), en("Order {{order.number}} is late")));

        assertThatThrownBy(() -> replies.create(shop.id(), typo))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> {
                    assertThat(refused.field()).isEqualTo("texts[1].text");
                    assertThat(refused.code()).isEqualTo("canned-reply-unknown-variable");
                });
        assertThatThrownBy(() -> replies.update(shop.id(), reply.id(), typo)).isInstanceOf(InvalidInput.class);

        assertThat(replies.list(shop.id(), "")).containsExactly(reply);
    }

    @Test
    void titlesIgnoringCaseAndShortcutsAreUniqueInAWorkspaceButAnotherWorkspaceMayUseThem() {
        var shop = shops.open("Unique Farm", "Lin Jing");
        var other = shops.open("Neighbour Farm", "Wang Fang");
        shop.reply(deliveryDelay());
        var second = shop.reply(new CannedReplyDraft("Photo", "photo", List.of(en("Send a photo, please."))));

        assertThatThrownBy(() -> shop.reply(new CannedReplyDraft("发货延迟 / DELIVERY DELAY", null, List.of(en("Late.")))))
                .isInstanceOfSatisfying(CannedReplyTaken.class, taken -> assertThat(taken.field()).isEqualTo("title"));
        assertThatThrownBy(() -> replies.update(shop.id(), second.id(),
                new CannedReplyDraft("Photo", "DELAY", List.of(en("Send a photo, please.")))))
                .isInstanceOfSatisfying(CannedReplyTaken.class,
                        taken -> assertThat(taken.field()).isEqualTo("shortcut"));
        assertThat(replies.update(shop.id(), second.id(), new CannedReplyDraft("PHOTO", "Photo",
                List.of(en("Send a photo, please.")))).title()).as("a reply may keep its own title").isEqualTo("PHOTO");

        assertThat(other.reply(deliveryDelay()).title()).isEqualTo("发货延迟 / Delivery delay");
    }

    @Test
    void aReplyIsFilledInTheCustomersLanguageWithTheirNameTheTicketNumberAndTheAgentsName() {
        var shop = shops.open("Filling Farm", "Lin Jing");
        var agent = shop.actor(shop.agent("Emma Schmidt", Locale.ENGLISH), "Emma Schmidt");
        var ticket = shop.ticket(shop.customer("王晓梅", "zh-CN"), "桃子还没到");
        shop.reply(deliveryDelay());

        var filled = replies.filledFor(agent, ticket.number(), "delay", Locale.ENGLISH);

        assertThat(filled).singleElement().satisfies(reply -> {
            assertThat(reply.language()).isEqualTo("zh-CN");
            assertThat(reply.text()).isEqualTo("王晓梅您好，您的工单 #" + ticket.number()
                    + " 的包裹因暴雨延迟发货，预计两天内发出。—— Emma Schmidt");
        });
    }

    @Test
    void withoutATextInTheCustomersLanguageTheAgentsLanguageIsUsedElseTheFirstTextWritten() {
        var shop = shops.open("Fallback Farm", "Lin Jing");
        var agent = shop.actor(shop.agent("李伟", Locale.SIMPLIFIED_CHINESE), "李伟");
        var french = shop.ticket(shop.customer("Sophie Laurent", "fr"), "Colis en retard");
        var unknown = shop.ticket(shop.customer("Walk-in", null), "Parcel late");
        shop.reply(deliveryDelay());
        shop.reply(new CannedReplyDraft("Customs", null, List.of(
                new CannedReplyText("de", "Hallo {{customer.name}}, der Zoll braucht 2 bis 5 Tage."),
                en("Hi {{customer.name}}, customs takes 2 to 5 days."))));

        assertThat(replies.filledFor(agent, french.number(), "delay", Locale.SIMPLIFIED_CHINESE))
                .extracting(FilledReply::language).containsExactly("zh-CN");
        assertThat(replies.filledFor(agent, unknown.number(), "customs", Locale.JAPANESE))
                .extracting(FilledReply::text).containsExactly("Hallo Walk-in, der Zoll braucht 2 bis 5 Tage.");
    }

    @Test
    void anotherWorkspaceCanNeitherReadNorChangeNorDeleteNorFillAReplyOrATicket() {
        var shop = shops.open("Isolated Farm", "Lin Jing");
        var other = shops.open("Curious Farm", "Wang Fang");
        var reply = shop.reply(deliveryDelay());
        var ticket = shop.ticket(shop.customer("王晓梅", "zh-CN"), "桃子还没到");
        other.reply(new CannedReplyDraft("Their own", null, List.of(en("Hello"))));

        assertThatThrownBy(() -> replies.get(other.id(), reply.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> replies.update(other.id(), reply.id(), deliveryDelay())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> replies.delete(other.id(), reply.id())).isInstanceOf(NotFound.class);
        assertThat(replies.list(other.id(), "delay")).isEmpty();
        assertThatThrownBy(() -> replies.filledFor(other.admin, ticket.number(), "", Locale.ENGLISH))
                .as("the other workspace has no ticket with this number").isInstanceOf(NotFound.class);
        var theirs = other.ticket(other.customer("John Miller", "en"), "Where is my parcel?");
        assertThat(replies.filledFor(other.admin, theirs.number(), "", Locale.ENGLISH))
                .extracting(FilledReply::title).containsExactly("Their own");
    }

    @Test
    void deletingAReplyRemovesItWithAllItsTexts() {
        var shop = shops.open("Tidy Farm", "Lin Jing");
        var reply = shop.reply(deliveryDelay());

        replies.delete(shop.id(), reply.id());

        assertThat(replies.list(shop.id(), "")).isEmpty();
        assertThatThrownBy(() -> replies.get(shop.id(), reply.id())).isInstanceOf(NotFound.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM canned_reply_texts WHERE reply_id = ?").param(reply.id().value())
                .query(Integer.class).single()).isZero();
    }

    private List<String> titles(CannedReplyShops.Shop shop, String query) {
        return replies.list(shop.id(), query).stream().map(CannedReply::title).toList();
    }
}
