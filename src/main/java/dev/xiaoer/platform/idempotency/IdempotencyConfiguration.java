package dev.xiaoer.platform.idempotency;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.xiaoer.platform.web.Problems;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /** Ordered after the security filter chain, which has put the caller in the security context. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys,
            PlatformTransactionManager transactions, Problems problems, LocaleResolver localeResolver, Clock clock,
            IdempotencyProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(keys, transactions, problems, localeResolver, clock, properties.retention()));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** A db-scheduler task, so that across several nodes one of them cleans up each time. */
    @Bean
    RecurringTask<Void> idempotencyKeyCleanup(ExpiredIdempotencyKeys expired, IdempotencyProperties properties) {
        return Tasks.recurring("idempotency-key-cleanup", FixedDelay.of(properties.cleanupInterval()))
                .execute((instance, context) -> expired.remove());
    }
}
