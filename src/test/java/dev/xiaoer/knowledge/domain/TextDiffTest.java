package dev.xiaoer.knowledge.domain;

import static dev.xiaoer.knowledge.domain.TextDiff.Kind.ADDED;
import static dev.xiaoer.knowledge.domain.TextDiff.Kind.REMOVED;
import static dev.xiaoer.knowledge.domain.TextDiff.Kind.SAME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.knowledge.domain.TextDiff.Line;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void changedLinesShowAsRemovedAndAddedBetweenTheLinesThatStayed() {
        assertThat(TextDiff.of("退货须知\n七天内免费退货。\n请保留包装。", "退货须知\n十五天内免费退货。\n请保留包装。\n联系客服。"))
                .containsExactly(new Line(SAME, "退货须知"), new Line(REMOVED, "七天内免费退货。"),
                        new Line(ADDED, "十五天内免费退货。"), new Line(SAME, "请保留包装。"), new Line(ADDED, "联系客服。"));
        assertThat(TextDiff.of("same", "same")).containsExactly(new Line(SAME, "same"));
        assertThat(TextDiff.of(null, "new")).containsExactly(new Line(ADDED, "new"));
    }
}
