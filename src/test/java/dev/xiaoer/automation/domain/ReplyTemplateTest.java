package dev.xiaoer.automation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.xiaoer.automation.CannedReplyDraft;
import dev.xiaoer.automation.CannedReplyText;
import dev.xiaoer.kernel.InvalidInput;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyTemplateTest {

    private static final Map<ReplyVariable, String> WANG = Map.of(ReplyVariable.CUSTOMER_NAME, "王晓梅",
            ReplyVariable.TICKET_NUMBER, "1042", ReplyVariable.TICKET_SUBJECT, "桃子烂了",
            ReplyVariable.AGENT_NAME, "李伟");

    @Test
    void fillsEveryVariableSpacesInsideTheBracesAllowed() {
        var filled = ReplyTemplate.fill(
                "{{customer.name}}您好，工单 #{{ ticket.number }}「{{ticket.subject}}」—— {{agent.name}}", WANG);

        assertThat(filled).isEqualTo("王晓梅您好，工单 #1042「桃子烂了」—— 李伟");
    }

    @Test
    void aValueIsInsertedAsItIsEvenWithDollarsBackslashesOrBraces() {
        var filled = ReplyTemplate.fill("Hi {{customer.name}}!",
                Map.of(ReplyVariable.CUSTOMER_NAME, "$1 \\ {{agent.name}}"));

        assertThat(filled).isEqualTo("Hi $1 \\ {{agent.name}}!");
    }

    @Test
    void singleBracesAreOrdinaryText() {
        ReplyTemplate.check("text", "Use {code} or }} as you like");

        assertThat(ReplyTemplate.fill("{code}", WANG)).isEqualTo("{code}");
    }

    @Test
    void anUnknownVariableIsRefusedNamingItAndTheVariablesThereAre() {
        assertThatThrownBy(() -> ReplyTemplate.check("texts[1].text", "Your order {{order.number}} is late"))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> {
                    assertThat(refused.field()).isEqualTo("texts[1].text");
                    assertThat(refused.code()).isEqualTo("canned-reply-unknown-variable");
                    assertThat(refused.arguments()).containsExactly("order.number",
                            "{{customer.name}}, {{ticket.number}}, {{ticket.subject}}, {{agent.name}}");
                });
    }

    @Test
    void aVariableThatIsNeverClosedIsRefused() {
        assertThatThrownBy(() -> ReplyTemplate.check("text", "Hello {{customer.name, thanks"))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> {
                    assertThat(refused.code()).isEqualTo("canned-reply-unclosed-variable");
                    assertThat(refused.arguments()).containsExactly("{{customer.name");
                });
    }

    @Test
    void theRulesReportEveryProblemOfADraftAtItsField() {
        var checked = CannedReplyRules.check(new CannedReplyDraft(" ", "two words", List.of(
                new CannedReplyText("zh-CN", "{{客户}}您好"), new CannedReplyText("zh_cn", "again"),
                new CannedReplyText("not a tag", "text"), new CannedReplyText("en", " "))));

        assertThat(checked.problems()).extracting(InvalidInput::field, InvalidInput::code).containsExactly(
                tuple("title", "canned-reply-title-required"),
                tuple("shortcut", "canned-reply-shortcut-invalid"),
                tuple("texts[0].text", "canned-reply-unknown-variable"),
                tuple("texts[1].language", "canned-reply-language-repeated"),
                tuple("texts[2].language", "canned-reply-language-invalid"),
                tuple("texts[3].text", "canned-reply-text-required"));
    }

    @Test
    void languagesAreWrittenTheCanonicalWayAndTheShortcutInLowerCase() {
        var draft = CannedReplyRules.check(new CannedReplyDraft(" Delivery delay ", " Delay ", List.of(
                new CannedReplyText("zh_cn", " 您好 "), new CannedReplyText("EN", "Hello")))).orThrow();

        assertThat(draft.title()).isEqualTo("Delivery delay");
        assertThat(draft.shortcut()).isEqualTo("delay");
        assertThat(draft.texts())
                .containsExactly(new CannedReplyText("zh-CN", "您好"), new CannedReplyText("en", "Hello"));
    }

    @Test
    void theCustomersLanguageComesFirstThenTheAgentsThenTheFirstTextWritten() {
        var texts = List.of(new CannedReplyText("de", "Hallo"), new CannedReplyText("zh-CN", "您好"),
                new CannedReplyText("en", "Hello"));

        assertThat(LanguageChoice.best(texts, List.of("zh-CN", "en"))).map(CannedReplyText::text).contains("您好");
        assertThat(LanguageChoice.best(texts, List.of("zh-TW", "en"))).as("the same language, another region")
                .map(CannedReplyText::text).contains("您好");
        assertThat(LanguageChoice.best(texts, List.of("fr", "en-GB"))).map(CannedReplyText::text).contains("Hello");
        assertThat(LanguageChoice.best(texts, Arrays.asList(null, "ja"))).map(CannedReplyText::text)
                .contains("Hallo");
    }
}
