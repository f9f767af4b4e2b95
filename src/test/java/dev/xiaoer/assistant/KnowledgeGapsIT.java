package dev.xiaoer.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.knowledge.FaqAction;
import dev.xiaoer.knowledge.FaqDraft;
import dev.xiaoer.knowledge.FaqEntries;
import dev.xiaoer.support.ApiClient;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.workspace.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Knowledge gaps and the assistant's analytics, on the real models and database: what customers asked
 * that the FAQ ({@link ShopFaqs}) does not cover, grouped by meaning, and how the answers did.
 */
@IntegrationTest
class KnowledgeGapsIT {

    static final List<String> CORN = ShopFaqs.CORN_SOWING;
    static final List<String> TRACTORS = List.of("Do you sell tractors?", "Can I buy a tractor from your shop?",
            "Are tractors for sale here?");

    @Autowired
    Assistant assistant;
    @Autowired
    FaqEntries faqEntries;
    @Autowired
    TestWorkspaces workspaces;

    @LocalServerPort
    int port;

    WorkspaceId shop;
    String token;
    Actor editor;

    @BeforeEach
    void shop() {
        var created = workspaces.create("Gaps Agri " + UUID.randomUUID());
        shop = created.workspace().id();
        token = created.token();
        editor = new Actor(Actor.Type.USER, UUID.randomUUID(), "李娜", shop, Role.SUPERVISOR);
        ShopFaqs.add(faqEntries, editor);
    }

    @Test
    void questionsTheFaqDoesNotCoverAreGroupedByMeaningAndAnFaqEntryFromAGroupClosesItAndAnswersIt() {
        CORN.forEach(question -> assertThat(decide("chat-" + question, question).kind()).as(question)
                .isNotEqualTo(DecisionKind.ANSWER));
        TRACTORS.forEach(question -> assertThat(decide("chat-" + question, question).kind()).as(question)
                .isNotEqualTo(DecisionKind.ANSWER));
        decide("chat-weekend", "你们周末有人值班吗");
        decide("chat-person", "转人工");
        decide("chat-answered", "施肥以后多少天能见效果");

        var gaps = assistant.gaps(shop);

        assertThat(gaps).hasSize(3);
        var corn = gaps.stream().filter(gap -> CORN.contains(gap.question())).findFirst().orElseThrow();
        assertThat(corn.language()).isEqualTo("zh");
        assertThat(corn.asked()).isEqualTo(3);
        assertThat(corn.examples()).hasSize(2).allMatch(CORN::contains).doesNotContain(corn.question());
        var tractors = gaps.stream().filter(gap -> TRACTORS.contains(gap.question())).findFirst().orElseThrow();
        assertThat(tractors.language()).isEqualTo("en");
        assertThat(tractors.asked()).isEqualTo(3);
        assertThat(gaps.getLast().question()).isEqualTo("你们周末有人值班吗");
        assertThat(gaps.getLast().asked()).isEqualTo(1);

        var faq = assistant.coverGap(editor, corn.decisions(), new FaqDraft("zh-CN", corn.question(),
                "春玉米一般在 4 月中下旬、地温稳定在 10℃ 以上时播种。", null, corn.examples(), null, FaqAction.NONE));

        assertThat(faq.phrasings()).containsExactlyInAnyOrderElementsOf(corn.examples());
        var entries = faqEntries.list(shop).size();
        assertThatThrownBy(() -> assistant.coverGap(editor, corn.decisions(), new FaqDraft("zh-CN", corn.question(),
                "Again, from a page opened before.", null, List.of(), null, FaqAction.NONE)))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("decisions"));
        assertThat(faqEntries.list(shop)).hasSize(entries);
        assertThat(assistant.gaps(shop)).extracting(KnowledgeGap::question)
                .containsExactly(tractors.question(), "你们周末有人值班吗");
        assistant.retrain(shop);
        var answered = decide("chat-later", "玉米一般哪个月播种");
        assertThat(answered.kind()).isEqualTo(DecisionKind.ANSWER);
        assertThat(answered.answer().question()).isEqualTo(corn.question());

        assertThat(assistant.dismissGap(shop, tractors.decisions())).isEqualTo(3);
        assertThat(assistant.dismissGap(shop, tractors.decisions())).isZero();
        assertThat(assistant.gaps(shop)).extracting(KnowledgeGap::question).containsExactly("你们周末有人值班吗");
    }

    @Test
    void anEditorLabelsAGroupAsAskingWhatAnExistingEntryAnswersAndItsQuestionsBecomeThatEntrysPhrasings() {
        TRACTORS.forEach(question -> decide("chat-" + question, question));
        var machines = faqEntries.add(editor, new FaqDraft("en", "Which farm machines do you sell?",
                "We sell small tractors, tillers and sprayers; ask us for the catalogue.", null,
                List.of("what machinery is in your shop"), null, FaqAction.NONE));
        var tractors = assistant.gaps(shop).getFirst();

        var labelled = assistant.addGapToFaq(editor, tractors.decisions(), machines.id());

        assertThat(labelled.phrasings()).startsWith("what machinery is in your shop")
                .containsAll(TRACTORS).hasSize(1 + TRACTORS.size());
        assertThat(assistant.gaps(shop)).isEmpty();
        assistant.retrain(shop);
        var answered = decide("chat-later", "do you have tractors in stock");
        assertThat(answered.kind()).isEqualTo(DecisionKind.ANSWER);
        assertThat(answered.answer().question()).isEqualTo("Which farm machines do you sell?");
    }

    @Test
    void integrationsReadTheGapsAndTheAnalyticsOverTheApi() {
        TRACTORS.forEach(question -> decide("chat-" + question, question));
        var api = ApiClient.forToken(port, token);

        var gaps = api.get().uri("/api/v1/assistant/gaps").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
        var analytics = api.get().uri("/api/v1/assistant/analytics?days=7").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        assertThat(gaps).singleElement().satisfies(gap -> {
            assertThat(gap).containsEntry("language", "en").containsEntry("asked", 3);
            assertThat((List<?>) gap.get("decisions")).hasSize(3);
        });
        assertThat(analytics).containsEntry("days", 7).containsEntry("conversations", 3).containsEntry("contained", 0);
    }

    @Test
    void anAnswerMarkedUnhelpfulIsAGapTooAndAGapOfAnotherWorkspaceIsNeitherShownNorClosed() {
        var answer = decide("chat-1", "施肥以后多少天能见效果");
        assistant.feedback(shop, "chat-1", answer.id(), false);
        var other = workspaces.create("Other Agri " + UUID.randomUUID()).workspace().id();
        var theirs = assistant.decide(new Enquiry(other, "chat-9", "test", "Do you sell tractors?"));

        assertThat(assistant.gaps(shop)).extracting(KnowledgeGap::question).containsExactly("施肥以后多少天能见效果");
        assertThat(assistant.dismissGap(shop, List.of(theirs.id()))).isZero();
        assertThat(assistant.gaps(other)).extracting(KnowledgeGap::question).containsExactly("Do you sell tractors?");
    }

    @Test
    void analyticsCountContainedAndHandedOffConversationsAndHowOftenEachEntrysAnswerHelped() {
        var first = decide("chat-a", "施肥以后多少天能见效果");
        assistant.feedback(shop, "chat-a", first.id(), true);
        var second = decide("chat-b", "化肥用了几天起作用");
        assistant.feedback(shop, "chat-b", second.id(), false);
        decide("chat-b", "转人工");
        decide("chat-c", "how long until my order gets here");
        decide("chat-d", "Do you sell tractors?");

        var analytics = assistant.analytics(shop, 30);

        assertThat(analytics.conversations()).isEqualTo(4);
        assertThat(analytics.contained()).isEqualTo(2);
        assertThat(analytics.handedOff()).isEqualTo(2);
        assertThat(analytics.containment()).isEqualTo(0.5);
        assertThat(analytics.helpful()).isEqualTo(1);
        assertThat(analytics.unhelpful()).isEqualTo(1);
        // The unhelpful answer may itself have handed off (nothing else to offer): at least the tractors did.
        assertThat(analytics.handOffs()).containsEntry(HandOffReason.ASKED_FOR_PERSON, 1)
                .hasEntrySatisfying(HandOffReason.NOT_UNDERSTOOD, count -> assertThat(count).isPositive());
        var fertilizer = analytics.intents().getFirst();
        assertThat(fertilizer.question()).isEqualTo(ShopFaqs.FERTILIZER);
        assertThat(fertilizer.answers()).isEqualTo(2);
        assertThat(fertilizer.accuracy()).isEqualTo(0.5);
        assertThat(analytics.intents()).filteredOn(intent -> intent.question().equals(ShopFaqs.DELIVERY))
                .singleElement().satisfies(delivery -> assertThat(delivery.accuracy()).isNaN());
        assertThat(assistant.analytics(workspaces.create("Quiet " + UUID.randomUUID()).workspace().id(), 30))
                .satisfies(quiet -> {
                    assertThat(quiet.conversations()).isZero();
                    assertThat(quiet.containment()).isZero();
                    assertThat(quiet.intents()).isEmpty();
                });
    }

    private Decision decide(String conversation, String text) {
        return assistant.decide(new Enquiry(shop, conversation, "test", text));
    }
}
