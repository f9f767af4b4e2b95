package dev.xiaoer.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequiresBrowserConditionTest {

    @TempDir
    Path dir;

    @Test
    void runsTheTestWhenTheBrowserIsInstalled() throws IOException {
        var browser = Files.createFile(dir.resolve("chromium"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        assertThat(RequiresBrowserCondition.evaluate(browser, true).isDisabled()).isFalse();
        assertThat(RequiresBrowserCondition.evaluate(browser, false).isDisabled()).isFalse();
    }

    @Test
    void skipsTheTestWithAReasonWhenTheBrowserIsMissing() {
        var result = RequiresBrowserCondition.evaluate(dir.resolve("missing"), false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).get().asString().contains("no browser at").contains("chromium");
    }

    @Test
    void failsTheTestWhenTheBrowserIsRequiredAndMissing() {
        assertThatThrownBy(() -> RequiresBrowserCondition.evaluate(dir.resolve("missing"), true))
                .hasMessageContaining("xiaoer.require.browser=true")
                .hasMessageContaining("no browser at");
    }
}
