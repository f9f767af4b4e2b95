package dev.xiaoer.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.identity.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellTest {

    @Test
    void theAvatarShowsTheFirstCharacterOfAChineseNameAndTheInitialsOfALatinOne() {
        assertThat(shell("王芳").initials()).isEqualTo("王");
        assertThat(shell("John Smith").initials()).isEqualTo("JS");
        assertThat(shell("anna").initials()).isEqualTo("A");
        assertThat(shell("  ").initials()).isEqualTo("?");
    }

    @Test
    void rolesAreNamedByTheirMessageKey() {
        assertThat(new Shell("Shop", "A", "a@example.test", Role.STATION_STAFF, null, List.of(), List.of(), "/", List.of())
                .roleKey()).isEqualTo("role.station-staff");
    }

    private static Shell shell(String name) {
        return new Shell("Shop", name, "a@example.test", Role.AGENT, null, List.of(), List.of(), "/", List.of());
    }
}
