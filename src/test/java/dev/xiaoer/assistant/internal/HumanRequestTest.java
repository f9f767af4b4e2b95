package dev.xiaoer.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HumanRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"转人工", "人工", "人工！", "客服", "我要人工客服", "帮我转人工吧", "换人工", "human", "Agent?",
            "I want to talk to a human", "can I speak with someone", "get me a representative", "real person please",
            "I need an agent"})
    void asksForAPerson(String text) {
        assertThat(HumanRequest.asksForPerson(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"人工授粉用什么工具", "人工费怎么算", "客服电话是多少号码的规则", "is this human hair?",
            "my travel agent booked it", "how long does delivery take", "复合肥多久见效"})
    void doesNotMistakeWordsForARequest(String text) {
        assertThat(HumanRequest.asksForPerson(text)).isFalse();
    }
}
