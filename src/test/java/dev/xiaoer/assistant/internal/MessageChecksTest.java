package dev.xiaoer.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageChecksTest {

    @Test
    void cleaningDropsControlCharactersAndKeepsWordsOfAnyScript() {
        assertThat(MessageChecks.clean(" 化肥\u0000多久\u001b[31m见效?\n\t ok ")).isEqualTo("化肥多久[31m见效?   ok");
    }

    @Test
    void aMessageWithoutLettersOrMostlyJunkIsMeaningless() {
        assertThat(MessageChecks.meaningless("", "")).isTrue();
        assertThat(MessageChecks.meaningless("🙂 ?!", "🙂 ?!")).isTrue();
        var binary = "\u0000\u0001\u0002\u0003ab";
        assertThat(MessageChecks.meaningless(MessageChecks.clean(binary), binary)).isTrue();
        assertThat(MessageChecks.meaningless("快递到哪了", "快递到哪了")).isFalse();
        assertThat(MessageChecks.meaningless("ok", "ok")).isFalse();
    }

    @Test
    void aQuestionHasAtMostAThousandCharacters() {
        assertThat(MessageChecks.tooLong("问".repeat(1000))).isFalse();
        assertThat(MessageChecks.tooLong("问".repeat(1001))).isTrue();
    }
}
