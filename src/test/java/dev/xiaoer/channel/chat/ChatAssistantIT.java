package dev.xiaoer.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.assistant.GenerativeAnswers;
import dev.xiaoer.assistant.ShopFaqs;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.knowledge.ArticleDraft;
import dev.xiaoer.knowledge.FaqEntries;
import dev.xiaoer.knowledge.KnowledgeBase;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.OpenAiCompatibleServer;
import dev.xiaoer.support.TestWorkspaces;
import dev.xiaoer.ticket.TicketApi;
import dev.xiaoer.ticket.TicketManagement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;

/**
 * The assistant answering live chat first, heard by a real STOMP client as the widget hears it, with
 * the shop's FAQ written for the tests.
 */
@IntegrationTest
class ChatAssistantIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ChatSettingsRows settings;
    @Autowired
    FaqEntries faqs;
    @Autowired
    TicketManagement tickets;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    GenerativeAnswers generative;

    TestWorkspaces.TestWorkspace shop;
    TicketApi agent;
    ChatVisitorClient visitors;

    @BeforeEach
    void shopWithTheAssistantFirst() {
        shop = workspaces.create("Green Valley Agri " + UUID.randomUUID());
        agent = TicketApi.forToken(port, shop.token());
        visitors = new ChatVisitorClient();
        ShopFaqs.add(faqs, new Actor(Actor.Type.USER, UUID.randomUUID(), "李娜", shop.workspace().id(), Role.SUPERVISOR));
        settings.saveAssistantFirst(shop.workspace().id(), true);
    }

    @AfterEach
    void stop() {
        visitors.close();
    }

    @Test
    void theAssistantGreetsAnswersAndAsksWhetherItHelpedWhileTheChatStaysOutOfTheQueue() throws Exception {
        var visitor = connect();
        assertThat(visitor.state()).containsEntry("assistant", true);

        visitor.send("c-1", "施肥以后多少天能见效果");
        var number = visitor.next().get("ticketNumber");
        var reply = replyWithControls(visitor);
        var answer = reply.get("message");
        assertThat(answer).containsEntry("from", "智能助手");
        assertThat((String) answer.get("text")).contains("复合肥施用后一般 7–15 天见效").contains("预期：7–15 天见效");
        var controls = reply.get("controls");
        assertThat(controls).containsEntry("kind", "answer");

        var chat = TicketApi.id(agent.byNumber(((Number) number).longValue()));
        assertThat(tickets.chatQueue(shop.workspace().id(), 50)).noneMatch(waiting -> waiting.id().value().equals(chat));
        assertThat(agent.timeline(chat)).extracting(entry -> entry.get("body"))
                .contains("施肥以后多少天能见效果", answer.get("text"));

        feedback(visitor, controls.get("decision"), true);
        assertThat(visitor.frames.poll(1, TimeUnit.SECONDS)).as("a helpful answer ends the matter").isNull();
    }

    @Test
    void askingForAPersonHandsTheChatToTheQueueWithANoteOfWhatTheAssistantUnderstood() throws Exception {
        var visitor = connect();
        visitor.send("c-1", "转人工");
        var number = ((Number) visitor.next().get("ticketNumber")).longValue();
        var handOver = visitor.next();
        assertThat(handOver).containsEntry("type", "message");
        assertThat((String) handOver.get("text")).contains("正在为您转接人工客服");

        var chat = TicketApi.id(agent.byNumber(number));
        var timeline = agent.timeline(chat);
        assertThat(timeline).filteredOn(entry -> "note".equals(entry.get("kind"))).extracting(entry -> entry.get("body"))
                .anySatisfy(note -> assertThat((String) note).contains("客户要求人工"));
        assertThat(tickets.chatQueue(shop.workspace().id(), 50)).anyMatch(waiting -> waiting.id().value().equals(chat));

        visitor.send("c-2", "复合肥多久见效？");
        assertThat(visitor.next()).containsEntry("type", "ack");
        assertThat(visitor.frames.poll(1500, TimeUnit.MILLISECONDS)).as("after the hand-off the assistant is silent").isNull();
    }

    @Test
    void anUnhelpfulAnswerThenAChoiceThenAnotherUnhelpfulOneHandsOff() throws Exception {
        var visitor = connect();
        visitor.send("c-1", "包裹什么时候能送到");
        var number = ((Number) visitor.next().get("ticketNumber")).longValue();
        var controls = replyWithControls(visitor).get("controls");
        assertThat(controls).containsEntry("kind", "answer");

        feedback(visitor, controls.get("decision"), false);
        var next = visitor.next();
        if (!"message".equals(next.get("type")) || !((String) next.get("text")).contains("转接")) {
            var second = visitor.next();
            var offer = "assistant".equals(next.get("type")) ? next : second;
            assertThat(offer).containsEntry("type", "assistant").containsEntry("kind", "clarify");
            @SuppressWarnings("unchecked")
            var options = (List<Map<String, Object>>) offer.get("options");
            assertThat(options).isNotEmpty();
            choose(visitor, offer.get("decision"), options.getFirst().get("faq"));
            var chosen = replyWithControls(visitor).get("controls");
            assertThat(chosen).containsEntry("kind", "answer");
            feedback(visitor, chosen.get("decision"), false);
            next = visitor.next();
        }
        assertThat((String) next.get("text")).contains("正在为您转接人工客服");
        var chat = TicketApi.id(agent.byNumber(number));
        assertThat(tickets.chatQueue(shop.workspace().id(), 50)).anyMatch(waiting -> waiting.id().value().equals(chat));
    }

    @Test
    void anAgentsReplyTakesTheChatOverAndWithTheSettingOffTheAssistantStaysOut() throws Exception {
        var visitor = connect();
        visitor.send("c-1", "我要退货，东西不想要了");
        var number = ((Number) visitor.next().get("ticketNumber")).longValue();
        replyWithControls(visitor);
        var chat = TicketApi.id(agent.byNumber(number));
        agent.reply(chat, "您好，我来帮您处理退货。");
        assertThat(visitor.next()).containsEntry("text", "您好，我来帮您处理退货。");
        visitor.send("c-2", "怎么申请退货？");
        assertThat(visitor.next()).containsEntry("type", "ack");
        assertThat(visitor.frames.poll(1500, TimeUnit.MILLISECONDS)).as("the agent has it now").isNull();

        settings.saveAssistantFirst(shop.workspace().id(), false);
        var another = connect();
        assertThat(another.state()).containsEntry("assistant", false);
        another.send("d-1", "怎么申请退货？");
        var newChat = ((Number) another.next().get("ticketNumber")).longValue();
        assertThat(another.frames.poll(1500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(tickets.chatQueue(shop.workspace().id(), 50))
                .anyMatch(waiting -> waiting.id().value().equals(TicketApi.id(agent.byNumber(newChat))));
    }

    @Test
    void withGenerativeAnswersOnTheVisitorGetsAnAnswerWrittenFromAnArticleWithItsLinkOrHearsThatTheAssistantDoesNotKnow()
            throws Exception {
        try (var model = new OpenAiCompatibleServer()) {
            var editor = new Actor(Actor.Type.USER, UUID.randomUUID(), "李娜", shop.workspace().id(), Role.SUPERVISOR);
            var draft = knowledge.write(editor, new ArticleDraft("种子怎么过冬保存", """
                    剩下的种子请连同原包装密封，放在阴凉干燥、15 ℃ 以下的地方，远离化肥。这样保存的种子下一季仍能保持发芽率。""",
                    "zh-CN", null, List.of("种子", "保存")), null);
            var article = knowledge.publish(editor, draft.id(), draft.version());
            model.reply(sent -> new OpenAiCompatibleServer.Reply.Text(sent.system().contains("种子怎么过冬保存")
                    && sent.user().contains("种子") ? "请把剩下的种子密封好，放在阴凉干燥、15 ℃ 以下的地方【1】。" : "NOT_COVERED"));
            generative.save(new Actor(Actor.Type.USER, UUID.randomUUID(), "王芳", shop.workspace().id(), Role.ADMIN), true,
                    model.baseUrl(), "shop-model", null);
            var visitor = connect();

            visitor.send("c-1", "剩下的种子冬天怎么保存比较好");
            visitor.next();
            var reply = replyWithControls(visitor);

            assertThat((String) reply.get("message").get("text"))
                    .startsWith("请把剩下的种子密封好，放在阴凉干燥、15 ℃ 以下的地方[1]。")
                    .contains("参考文章：\n[1] 种子怎么过冬保存: http://", "/help/" + shop.workspace().id().value()
                            + "/articles/" + java.net.URLEncoder.encode(article.slug(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(reply.get("controls")).containsEntry("kind", "answer");

            var another = connect();
            another.send("d-1", "你们的拖拉机可以租吗");
            another.next();
            var handOver = another.next();
            assertThat((String) handOver.get("text")).contains("这个问题我暂时答不上来", "正在为您转接人工客服");
        }
    }

    /**
     * The assistant's message and the frame with its buttons: the broker may deliver them in either
     * order (the widget waits for the message).
     */
    private static Map<String, Map<String, Object>> replyWithControls(ChatStompIT.Visitor visitor) throws Exception {
        var first = visitor.next();
        var second = visitor.next();
        var message = "message".equals(first.get("type")) ? first : second;
        var controls = message == first ? second : first;
        assertThat(message).containsEntry("type", "message");
        assertThat(controls).containsEntry("type", "assistant").containsEntry("message", message.get("id"));
        return Map.of("message", message, "controls", controls);
    }

    private ChatStompIT.Visitor connect() throws Exception {
        return visitors.connect(port, shop.workspace().id().value().toString(), "v-" + UUID.randomUUID());
    }

    private static void feedback(ChatStompIT.Visitor visitor, Object decision, boolean helpful) {
        var headers = new StompHeaders();
        headers.setDestination("/app/chat.feedback");
        visitor.session.send(headers, Map.of("decision", decision, "helpful", helpful));
    }

    private static void choose(ChatStompIT.Visitor visitor, Object decision, Object faq) {
        var headers = new StompHeaders();
        headers.setDestination("/app/chat.choose");
        visitor.session.send(headers, Map.of("decision", decision, "faq", faq));
    }
}
