package dev.xiaoer.platform.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an {@code Idempotency-Key} is remembered, and how often expired keys are removed.
 *
 * @param retention a retry within this time of the first request gets the first response
 * @param cleanupInterval how often expired keys are deleted
 */
@ConfigurationProperties("xiaoer.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration retention, @DefaultValue("1h") Duration cleanupInterval) {

    IdempotencyProperties {
        if (retention.isNegative() || retention.isZero() || cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException("xiaoer.idempotency.retention and cleanup-interval must be positive");
        }
    }
}
