package dev.xiaoer.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ChatHoursTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** 2026-12-07 is a Monday. */
    static ZonedDateTime at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, SHANGHAI);
    }

    @Test
    void weekdaysAndASaturdayMorningAreOpenAndTheRestIsClosed() {
        var parsed = ChatHours.parse("mon-fri 9:00-18:00\nSat 09:00 - 12:00");
        assertThat(parsed.invalid()).isEmpty();
        var hours = parsed.hours();

        assertThat(hours.isOpen(at(7, 9, 0))).isTrue();
        assertThat(hours.isOpen(at(11, 17, 59))).isTrue();
        assertThat(hours.isOpen(at(11, 18, 0))).as("the end is not included").isFalse();
        assertThat(hours.isOpen(at(12, 11, 30))).isTrue();
        assertThat(hours.isOpen(at(12, 13, 0))).isFalse();
        assertThat(hours.isOpen(at(13, 10, 0))).as("Sunday").isFalse();
        assertThat(hours.text()).isEqualTo("Mon-Fri 09:00-18:00\nSat 09:00-12:00");
    }

    @Test
    void noLinesMeansAlwaysOpenAndTwentyFourHundredIsMidnight() {
        assertThat(ChatHours.parse("  ").hours().isOpen(at(13, 3, 0))).isTrue();
        var late = ChatHours.parse("Sun 20:00-24:00").hours();
        assertThat(late.isOpen(at(13, 23, 59))).isTrue();
        assertThat(late.text()).isEqualTo("Sun 20:00-24:00");
    }

    @Test
    void linesThatAreNoHoursAreNamedAndNothingElseIsGuessed() {
        var parsed = ChatHours.parse("Mon-Fri 09:00-18:00\nweekends\nFri-Mon 09:00-10:00\nTue 18:00-09:00\nWed 25:00-26:00");

        assertThat(parsed.invalid()).containsExactly("weekends", "Fri-Mon 09:00-10:00", "Tue 18:00-09:00",
                "Wed 25:00-26:00");
        assertThat(parsed.hours().spans()).hasSize(1);
    }
}
