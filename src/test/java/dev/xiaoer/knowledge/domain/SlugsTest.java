package dev.xiaoer.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void aTitleBecomesAReadableAddressInItsOwnScript() {
        assertThat(Slugs.of("How long does delivery take?")).isEqualTo("how-long-does-delivery-take");
        assertThat(Slugs.of("复合肥多久见效？（7–15 天）")).isEqualTo("复合肥多久见效-7-15-天");
        assertThat(Slugs.of("Café  crème — à emporter")).isEqualTo("cafe-creme-a-emporter");
        assertThat(Slugs.of("???")).isEqualTo("article");
        assertThat(Slugs.of("a".repeat(200))).hasSize(Slugs.MAX_LENGTH);
        assertThat(Slugs.numbered("refunds", 1)).isEqualTo("refunds");
        assertThat(Slugs.numbered("refunds", 3)).isEqualTo("refunds-3");
    }
}
