package dev.xiaoer.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.knowledge.FaqAction;
import dev.xiaoer.knowledge.FaqEntries;
import dev.xiaoer.knowledge.KnowledgeBase;
import dev.xiaoer.support.BrowserSession;
import dev.xiaoer.support.IntegrationTest;
import dev.xiaoer.support.TestWorkspaces;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/** Knowledge → FAQ, as a signed-in admin's browser sees it over HTTP. */
@IntegrationTest
class FaqPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    FaqEntries faqs;

    TestWorkspaces.TestWorkspace shop;
    BrowserSession admin;

    @BeforeEach
    void signedInAdmin() {
        shop = workspaces.create("FAQ Orchard " + UUID.randomUUID());
        admin = new BrowserSession(port);
        admin.signIn(shop.admin().email(), TestWorkspaces.PASSWORD);
    }

    @Test
    void anEditorAddsAnEntryWithItsPhrasingsAndTriesACustomersQuestionAgainstIt() {
        admin.get("/knowledge/faqs/new");
        var refused = admin.submit("/knowledge/faqs", Map.of("language", "zh-CN", "question", "复合肥多久见效？",
                "answer", "  ", "phrasings", "肥料撒了多久有效果\n化肥什么时候起作用", "action", "NONE"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused)).contains("Write the answer the assistant gives.").contains("化肥什么时候起作用");
        assertThat(faqs.list(shop.workspace().id())).isEmpty();

        var saved = admin.submit("/knowledge/faqs", Map.of("language", "zh-CN", "question", "复合肥多久见效？",
                "answer", "一般 7–15 天见效。", "expectation", "7–15 天见效",
                "phrasings", "肥料撒了多久有效果\r\n化肥什么时候起作用\n", "action", "HAND_OFF"));
        assertThat(saved.statusCode()).isEqualTo(302);
        var faq = faqs.list(shop.workspace().id()).getFirst();
        assertThat(faq.phrasings()).containsExactly("肥料撒了多久有效果", "化肥什么时候起作用");
        assertThat(faq.action()).isEqualTo(FaqAction.HAND_OFF);

        var tried = admin.get("/knowledge/faqs?q=" + URLEncoder.encode("化肥撒了多久有效", StandardCharsets.UTF_8));
        assertThat(text(tried)).contains("data-testid=\"faq-match\"").contains("(matched “肥料撒了多久有效果”)");

        admin.get("/knowledge/faqs/" + faq.id());
        assertThat(admin.submit("/knowledge/faqs/" + faq.id() + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(text(admin.get("/knowledge/faqs?q=" + URLEncoder.encode("化肥撒了多久有效", StandardCharsets.UTF_8))))
                .contains("No entry matches");
    }

    private static String text(HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body());
    }
}
