package dev.xiaoer.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.knowledge.ArticleId;
import dev.xiaoer.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HelpVoteLimitTest {

    private final MutableClock clock = new MutableClock();
    private final HelpVoteLimit limit = new HelpVoteLimit(clock);

    @Test
    void aReaderCountsOncePerArticleADay() {
        var article = ArticleId.random();

        assertThat(limit.counts("203.0.113.7", article)).isTrue();
        assertThat(limit.counts("203.0.113.7", article)).isFalse();
        assertThat(limit.counts("198.51.100.2", article)).as("another reader").isTrue();
        assertThat(limit.counts("203.0.113.7", ArticleId.random())).as("another article").isTrue();

        clock.advance(Duration.ofHours(25));
        assertThat(limit.counts("203.0.113.7", article)).isTrue();
    }

    @Test
    void oneAddressCountsAtMostThirtyVotesAnHourAcrossArticles() {
        for (var i = 0; i < HelpVoteLimit.PER_HOUR; i++) {
            assertThat(limit.counts("203.0.113.7", ArticleId.random())).isTrue();
        }
        assertThat(limit.counts("203.0.113.7", ArticleId.random())).isFalse();

        clock.advance(Duration.ofHours(1));
        assertThat(limit.counts("203.0.113.7", ArticleId.random())).isTrue();
    }
}
