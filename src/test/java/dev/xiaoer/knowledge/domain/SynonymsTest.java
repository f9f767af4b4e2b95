package dev.xiaoer.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTest {

    private final Synonyms synonyms = Synonyms.parse("""
            化肥, 肥料，Fertilizer
            退款 = refund、money back
            lonely

            快递,快递
            """);

    @Test
    void eachLineWithTwoOrMoreWordsIsAGroup() {
        assertThat(synonyms.groups()).containsExactly(List.of("化肥", "肥料", "fertilizer"),
                List.of("退款", "refund", "money back"));
        assertThat(synonyms.text()).isEqualTo("化肥, 肥料, fertilizer\n退款, refund, money back");
    }

    @Test
    void aQueryWithOneWordOfAGroupAlsoLooksForTheOthers() {
        assertThat(synonyms.expand("肥料多久见效")).isEqualTo("肥料多久见效 化肥 fertilizer");
        assertThat(synonyms.expand("When is my REFUND due")).isEqualTo("When is my REFUND due 退款 money back");
        assertThat(synonyms.expand("refunded twice")).as("whole Latin words only").isEqualTo("refunded twice");
        assertThat(synonyms.expand("where is my parcel")).isEqualTo("where is my parcel");
        assertThat(Synonyms.NONE.expand("化肥")).isEqualTo("化肥");
    }
}
