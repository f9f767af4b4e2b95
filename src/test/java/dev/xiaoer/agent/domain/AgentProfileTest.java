package dev.xiaoer.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.kernel.InvalidInput;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentProfileTest {

    private static final Instant NOON = Instant.parse("2026-11-22T04:00:00Z");

    @Test
    void aNewAgentIsOfflineWithTheDefaultCapacityAndNoSkills() {
        assertThat(AgentProfile.initial()).isEqualTo(new AgentProfile(java.util.Set.of(), java.util.Set.of(), 5,
                AgentStatus.OFFLINE, null));
    }

    @Test
    void capacityIsBetweenOneAndFifty() {
        assertThat(AgentProfile.initial().withCapacity(1).capacity()).isEqualTo(1);
        assertThat(AgentProfile.initial().withCapacity(50).capacity()).isEqualTo(50);
        for (var capacity : new int[] {0, 51}) {
            assertThatThrownBy(() -> AgentProfile.initial().withCapacity(capacity))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("capacity"));
        }
    }

    @Test
    void onlyARealStatusChangeMovesTheTimestamp() {
        var online = AgentProfile.initial().withStatus(AgentStatus.ONLINE, NOON);

        assertThat(online.statusChangedAt()).isEqualTo(NOON);
        assertThat(online.withStatus(AgentStatus.ONLINE, NOON.plusSeconds(60))).isSameAs(online);
    }

    @Test
    void skillsAreNormalisedLanguageTagsAndLowerCaseCategories() {
        var profile = AgentProfile.initial().withLanguages(List.of("zh_cn", "EN", "zh-CN"))
                .withCategories(List.of(" Fertilizer", "fruit", "FRUIT"));

        assertThat(profile.languages()).containsExactlyInAnyOrder("zh-CN", "en");
        assertThat(profile.categories()).containsExactlyInAnyOrder("fertilizer", "fruit");
        assertThatThrownBy(() -> AgentProfile.initial().withLanguages(List.of("not a language")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("languages"));
    }

    @Test
    void generatedPasswordsAreLongAndDifferent() {
        var first = InitialPasswords.generate();

        assertThat(first).hasSize(20).isNotEqualTo(InitialPasswords.generate());
    }
}
