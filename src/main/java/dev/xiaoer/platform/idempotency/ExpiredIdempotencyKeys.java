package dev.xiaoer.platform.idempotency;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Forgets keys older than the retention time; run periodically by a db-scheduler task. */
@Component
class ExpiredIdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(ExpiredIdempotencyKeys.class);

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final IdempotencyProperties properties;

    ExpiredIdempotencyKeys(IdempotencyKeys keys, Clock clock, IdempotencyProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.properties = properties;
    }

    int remove() {
        var removed = keys.purgeCreatedBefore(clock.instant().minus(properties.retention()));
        log.debug("Removed {} expired idempotency keys", removed);
        return removed;
    }
}
