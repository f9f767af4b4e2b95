package dev.xiaoer.channel.chat;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forgets chat client ids older than {@link ChatClientMessages#RETENTION}, hourly. A db-scheduler
 * task, so that one node does it however many are up.
 */
@Configuration(proxyBeanMethods = false)
class ChatClientMessagesCleanup {

    @Bean
    RecurringTask<Void> chatClientMessageCleanup(ChatClientMessages messages, Clock clock) {
        return Tasks.recurring("chat-client-message-cleanup", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) ->
                        messages.forgetCreatedBefore(clock.instant().minus(ChatClientMessages.RETENTION)));
    }
}
