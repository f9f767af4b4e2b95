package dev.xiaoer.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorSurvivesTheRoundTripToTheNanosecond() {
        var cursor = new Cursor(Instant.parse("2026-11-22T08:15:30.123456789Z"), UUID.randomUUID());

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void aTamperedCursorIsReportedAgainstTheCursorField() {
        assertThatThrownBy(() -> Cursor.decode("not-a-cursor"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
}
