package dev.xiaoer.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xiaoer.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String ADDRESS = "203.0.113.7";

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresForOneEmailBlockItWhateverTheCase() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ming@example.test", ADDRESS);
        }
        assertThat(throttle.blocked("ming@example.test", ADDRESS)).isFalse();

        throttle.failed("Ming@Example.test ", ADDRESS);

        assertThat(throttle.blocked("ming@example.test", ADDRESS)).isTrue();
        assertThat(throttle.blocked("MING@example.test", "198.51.100.1")).as("from any address").isTrue();
        assertThat(throttle.blocked("li@example.test", "198.51.100.1")).as("other accounts are not affected").isFalse();
    }

    @Test
    void aBlockedEmailMayTryAgainAsTheBucketRefills() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("hua@example.test", ADDRESS + "1");
        }

        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.blocked("hua@example.test", ADDRESS + "1")).as("still blocked after 30 s").isTrue();

        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.blocked("hua@example.test", ADDRESS + "1")).as("one attempt back after a minute").isFalse();

        throttle.failed("hua@example.test", ADDRESS + "1");
        assertThat(throttle.blocked("hua@example.test", ADDRESS + "1")).isTrue();
    }

    @Test
    void twentyFailuresFromOneAddressBlockEveryEmailFromIt() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("guess" + i + "@example.test", "192.0.2.20");
        }

        assertThat(throttle.blocked("someone.new@example.test", "192.0.2.20")).isTrue();
        assertThat(throttle.blocked("someone.new@example.test", "192.0.2.21")).isFalse();
    }
}
