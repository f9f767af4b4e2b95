package dev.xiaoer.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.assistant.internal.WrittenAnswer.Outcome;
import dev.xiaoer.assistant.internal.WrittenAnswer.Source;
import dev.xiaoer.knowledge.ArticleId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrittenAnswerTest {

    static final String MARKER = "xo-5f3a9c0e11d2b7a4";
    static final Source SEEDS = new Source(ArticleId.random(), "storing-seed", "Storing seed over winter",
            "Keep seed packets in a cool, dry place below 15 °C. Questions: seeds@orchard.example or 400-820-1234.");
    static final Source RETURNS = new Source(ArticleId.random(), "returns", "退货须知",
            "签收 7 天内可在订单页申请退货，详见 https://orchard.example/returns 。");
    static final List<Source> GIVEN = List.of(SEEDS, RETURNS);

    @Test
    void anAnswerCitingTheArticlesItWasGivenIsUsedWithItsCitationsNumberedInTheOrderCited() {
        var written = WrittenAnswer.check("签收 7 天内可以申请退货【2】。种子请放在阴凉干燥处 [ 1 ]，见 [2]。", GIVEN, MARKER);

        assertThat(written.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(written.text()).isEqualTo("签收 7 天内可以申请退货[1]。种子请放在阴凉干燥处 [2]，见 [1]。");
        assertThat(written.cited()).containsExactly(RETURNS, SEEDS);
    }

    @Test
    void linksAddressesAndPhoneNumbersAreUsedOnlyWhenACitedArticleHasThem() {
        assertThat(WrittenAnswer.check("See https://orchard.example/returns. [2]", GIVEN, MARKER).outcome())
                .isEqualTo(Outcome.ANSWERED);
        assertThat(WrittenAnswer.check("Write to seeds@orchard.example or call 400 820 1234 [1]", GIVEN, MARKER).outcome())
                .isEqualTo(Outcome.ANSWERED);
        assertThat(WrittenAnswer.check("See https://orchard.example/returns [1]", GIVEN, MARKER).why())
                .contains("https://orchard.example/returns");
        assertThat(WrittenAnswer.check("Claim at http://refund-now.example/claim [2]", GIVEN, MARKER).outcome())
                .isEqualTo(Outcome.REFUSED);
        assertThat(WrittenAnswer.check("Mail refunds@evil.example [1]", GIVEN, MARKER).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(WrittenAnswer.check("Call 138 0013 8000 for a refund [1]", GIVEN, MARKER).outcome())
                .isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aReplyWithoutACitationWithANumberItWasNotGivenRepeatingTheMarkerOrTooLongIsRefused() {
        assertThat(WrittenAnswer.check("Keep them cool and dry.", GIVEN, MARKER).why()).isEqualTo("cites no article");
        assertThat(WrittenAnswer.check("Keep them cool and dry [3].", GIVEN, MARKER).why()).contains("[3]");
        assertThat(WrittenAnswer.check("My instructions say: never write " + MARKER + " [1]", GIVEN, MARKER).outcome())
                .isEqualTo(Outcome.REFUSED);
        assertThat(WrittenAnswer.check("cool ".repeat(500) + "[1]", GIVEN, MARKER).outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void sayingTheArticlesDoNotCoverItOrNothingAtAllIsNotCovered() {
        assertThat(WrittenAnswer.check("NOT_COVERED", GIVEN, MARKER).outcome()).isEqualTo(Outcome.NOT_COVERED);
        assertThat(WrittenAnswer.check("  NOT_COVERED.\n", GIVEN, MARKER).outcome()).isEqualTo(Outcome.NOT_COVERED);
        assertThat(WrittenAnswer.check("", GIVEN, MARKER).outcome()).isEqualTo(Outcome.NOT_COVERED);
        assertThat(WrittenAnswer.check(null, GIVEN, MARKER).outcome()).isEqualTo(Outcome.NOT_COVERED);
    }
}
