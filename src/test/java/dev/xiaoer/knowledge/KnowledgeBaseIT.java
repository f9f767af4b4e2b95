package dev.xiaoer.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.workspace.WorkspaceId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The knowledge base through its facade, on the real database and this node's real Lucene index. */
@IntegrationTest
class KnowledgeBaseIT {

    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    FaqEntries faqs;
    @Autowired
    TestWorkspaces workspaces;

    Actor supervisor;
    Actor agent;

    @BeforeEach
    void shop() {
        var shop = workspaces.create("Green Valley Agri " + UUID.randomUUID()).workspace().id();
        supervisor = actor(shop, "李娜", Role.SUPERVISOR);
        agent = actor(shop, "Emma Schmidt", Role.AGENT);
    }

    @Test
    void aPublishedArticleIsFoundInChineseAndEnglishWithTheMatchedWordsMarked() {
        var fertilizer = publish(write("复合肥多久见效？", """
                复合肥施用后一般 **7–15 天** 见效，天气干旱时请及时浇水。
                """, "zh-CN", "化肥", "施肥"));
        var delivery = publish(write("How long does delivery take?", """
                Parcels to county towns arrive in 3–5 days. Deliveries to villages take one or two days more.
                """, "en"));
        write("Unpublished draft about delivery", "Delivery secrets", "en");

        var chinese = knowledge.search(supervisor.workspace(), "肥料见效要多久", 10);
        assertThat(chinese).extracting(ArticleHit::id).containsExactly(fertilizer.id());
        assertThat(chinese.getFirst().snippet()).contains("<mark>见效</mark>");
        assertThat(chinese.getFirst().slug()).isEqualTo("复合肥多久见效");

        var english = knowledge.search(supervisor.workspace(), "when will my delivery arrive", 10);
        assertThat(english).extracting(ArticleHit::id).containsExactly(delivery.id());
        assertThat(english.getFirst().snippet()).contains("<mark>arrive</mark>").contains("<mark>Deliveries</mark>");
        assertThat(knowledge.search(supervisor.workspace(), "化肥", 10)).as("tags are searched")
                .extracting(ArticleHit::id).containsExactly(fertilizer.id());
        assertThat(knowledge.search(supervisor.workspace(), "  ", 10)).isEmpty();
        assertThat(knowledge.search(supervisor.workspace(), "<script>" + "x".repeat(5000), 10)).isEmpty();
    }

    @Test
    void aWorkspacesSynonymsFindArticlesWrittenWithTheOtherWordAndOnlyInThatWorkspace() {
        var article = publish(write("肥料用量", "每亩施用 40 公斤。", "zh-CN"));
        var other = actor(workspaces.create("Other shop " + UUID.randomUUID()).workspace().id(), "Wang", Role.ADMIN);
        var otherArticle = knowledge.publish(other, knowledge.write(other,
                new ArticleDraft("肥料用量", "每亩 30 公斤。", "zh-CN", null, null), null).id(), 1);
        assertThat(knowledge.search(agent.workspace(), "化肥", 10)).isEmpty();

        assertThatThrownBy(() -> knowledge.saveSynonyms(agent, "化肥, 肥料")).isInstanceOf(ReviewForbidden.class);
        knowledge.saveSynonyms(supervisor, "化肥，肥料, fertilizer\n");

        assertThat(knowledge.synonymText(agent.workspace())).isEqualTo("化肥, 肥料, fertilizer");
        assertThat(knowledge.search(agent.workspace(), "化肥用多少", 10)).extracting(ArticleHit::id)
                .containsExactly(article.id());
        assertThat(knowledge.search(other.workspace(), "化肥用多少", 10)).isEmpty();
        assertThat(knowledge.search(other.workspace(), "肥料", 10)).extracting(ArticleHit::id)
                .containsExactly(otherArticle.id());
    }

    @Test
    void anFaqIsMatchedByItsQuestionOrAnyPhrasingInChineseOrEnglishUntilItIsDeleted() {
        var article = write("复合肥使用说明", "详见说明书。", "zh-CN");
        var fertilizer = faqs.add(agent, new FaqDraft("zh-CN", "复合肥多久见效？", "一般 7–15 天见效。",
                "7–15 天见效", List.of("肥料撒了多久有效果", "化肥什么时候起作用", "  ", "复合肥多久见效？"), article.id(), null));
        var refund = faqs.add(agent, new FaqDraft("en", "When do I get my refund?",
                "Within 3 working days of the approval.", null, List.of("how long does a refund take",
                "money back timing"), null, FaqAction.OPEN_CLAIM));
        var other = actor(workspaces.create("Other shop " + UUID.randomUUID()).workspace().id(), "Wang", Role.ADMIN);

        assertThat(fertilizer.phrasings()).containsExactly("肥料撒了多久有效果", "化肥什么时候起作用");
        assertThat(fertilizer.action()).isEqualTo(FaqAction.NONE);
        assertThat(faqs.match(agent.workspace(), "化肥撒下去多久起作用", 3)).first()
                .satisfies(match -> {
                    assertThat(match.id()).isEqualTo(fertilizer.id());
                    assertThat(match.phrasing()).isEqualTo("化肥什么时候起作用");
                });
        assertThat(faqs.match(agent.workspace(), "How long until my refund arrives?", 3))
                .extracting(FaqMatch::id).containsExactly(refund.id());
        assertThat(faqs.match(other.workspace(), "复合肥多久见效", 3)).isEmpty();

        faqs.delete(agent, refund.id());
        assertThat(faqs.match(agent.workspace(), "How long until my refund arrives?", 3)).isEmpty();
        assertThat(faqs.list(agent.workspace())).extracting(Faq::id).containsExactly(fertilizer.id());
        assertThatThrownBy(() -> faqs.add(agent, new FaqDraft("en", "Q?", " ", null, null, null, null)))
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("answer");
        assertThatThrownBy(() -> faqs.add(other, new FaqDraft("zh-CN", "问？", "答。", null, null, article.id(),
                null))).extracting(e -> ((InvalidInput) e).field()).isEqualTo("article");
    }

    @Test
    void anotherWorkspaceNeverFindsTheArticles() {
        publish(write("Refunds for spoiled fruit", "Send a photo of the box within 48 hours.", "en"));
        var other = actor(workspaces.create("Other shop " + UUID.randomUUID()).workspace().id(), "Wang", Role.ADMIN);

        assertThat(knowledge.search(other.workspace(), "spoiled fruit refunds", 10)).isEmpty();
        assertThat(knowledge.search(supervisor.workspace(), "spoiled fruit refunds", 10)).hasSize(1);
    }

    @Test
    void editingAPublishedArticleChangesWhatIsFoundAndArchivingTakesItOut() {
        var article = publish(write("Return a parcel", "Returns are free within 7 days.", "en"));

        var revised = knowledge.revise(agent, article.id(), new ArticleDraft("Return a parcel",
                "Returns are free within 15 days, with the original packaging.", "en", null, List.of()), article.version());

        assertThat(revised.isPublished()).isTrue();
        assertThat(knowledge.search(agent.workspace(), "packaging", 10)).extracting(ArticleHit::id)
                .containsExactly(article.id());
        knowledge.withdraw(supervisor, article.id(), ArticleStatus.ARCHIVED, revised.version());
        assertThat(knowledge.search(agent.workspace(), "packaging", 10)).isEmpty();
        assertThat(knowledge.published(agent.workspace(), article.slug())).isEmpty();
    }

    @Test
    void everySaveIsAVersionAndAnOldOneCanBeRestored() {
        var article = write("Coupon after a late delivery", "A 5 yuan coupon.", "en");
        var second = knowledge.revise(agent, article.id(), new ArticleDraft("Coupon after a late delivery",
                "A 10 yuan coupon.", "en", null, List.of("coupon")), 1);

        var restored = knowledge.restore(supervisor, article.id(), 1, second.version());

        assertThat(restored.body()).isEqualTo("A 5 yuan coupon.");
        assertThat(restored.version()).isEqualTo(3);
        assertThat(knowledge.versions(agent.workspace(), article.id()))
                .extracting(ArticleVersion::version, ArticleVersion::body, ArticleVersion::editedBy, ArticleVersion::note)
                .containsExactly(
                        tuple(3, "A 5 yuan coupon.", "李娜", "restored:1"),
                        tuple(2, "A 10 yuan coupon.", "Emma Schmidt", null),
                        tuple(1, "A 5 yuan coupon.", "Emma Schmidt", null));
    }

    @Test
    void aSaveFromAStaleEditorIsRefusedAndOverwritesNothing() {
        var article = write("Seeds germination", "Five days.", "en");
        knowledge.revise(agent, article.id(), new ArticleDraft("Seeds germination", "Seven days.", "en", null, null), 1);

        assertThatThrownBy(() -> knowledge.revise(supervisor, article.id(),
                new ArticleDraft("Seeds germination", "Three days.", "en", null, null), 1))
                .isInstanceOf(ArticleChangedMeanwhile.class);
        assertThat(knowledge.get(agent.workspace(), article.id()).body()).isEqualTo("Seven days.");
    }

    @Test
    void anAgentWritesButOnlyASupervisorPublishes() {
        var article = write("Organic certificate", "Ask for the PDF.", "en");

        assertThatThrownBy(() -> knowledge.publish(agent, article.id(), 1)).isInstanceOf(ReviewForbidden.class);
        var published = knowledge.publish(supervisor, article.id(), 1);

        assertThat(published.reviewer()).isEqualTo("李娜");
        assertThat(published.author()).isEqualTo("Emma Schmidt");
        assertThat(published.publishedAt()).isNotNull();
    }

    @Test
    void languageVersionsAreLinkedAndALanguageIsWrittenOnce() {
        var chinese = write("退货流程", "七天内免费退货。", "zh-CN");
        var english = knowledge.write(agent, new ArticleDraft("How to return", "Free returns within 7 days.", "en", null,
                null), chinese.id());

        assertThat(knowledge.translations(chinese)).extracting(Article::id).containsExactly(english.id(), chinese.id());
        assertThatThrownBy(() -> knowledge.write(agent, new ArticleDraft("Returns again", "…", "EN", null, null),
                chinese.id())).isInstanceOf(InvalidInput.class).hasMessageContaining("article-language-exists");
    }

    @Test
    void badDraftsAreRefusedWithTheFieldNamedAndNothingIsStored() {
        var before = knowledge.list(agent.workspace(), null, null, 100).size();

        assertThatThrownBy(() -> write("  ", "body", "en")).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("title");
        assertThatThrownBy(() -> write("T".repeat(201), "body", "en")).extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("title");
        assertThatThrownBy(() -> write("Title", "b".repeat(100_001), "en")).extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("body");
        assertThatThrownBy(() -> write("Title", "body", "not a language")).extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("language");
        assertThat(knowledge.list(agent.workspace(), null, null, 100)).hasSize(before);
    }

    @Test
    void twoArticlesWithOneTitleGetTwoAddresses() {
        var first = write("Delivery times", "One.", "en");
        var second = write("Delivery times", "Two.", "en");

        assertThat(first.slug()).isEqualTo("delivery-times");
        assertThat(second.slug()).isEqualTo("delivery-times-2");
    }

    private Article write(String title, String body, String language, String... tags) {
        return knowledge.write(agent, new ArticleDraft(title, body, language, null, List.of(tags)), null);
    }

    private Article publish(Article article) {
        return knowledge.publish(supervisor, article.id(), article.version());
    }

    private static Actor actor(WorkspaceId workspace, String name, Role role) {
        return new Actor(Actor.Type.USER, UUID.randomUUID(), name, workspace, role);
    }
}
