package dev.xiaoer.routing.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.xiaoer.routing.ChatRouting;
import dev.xiaoer.ticket.TicketManagement;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every 30 seconds, routes the workspaces whose queue is not empty: for chats whose trigger was lost
 * (a node stopped right after a commit) and for room made without an event (a raised capacity).
 * A db-scheduler task, so that one node runs it at a time.
 */
@Configuration(proxyBeanMethods = false)
class RoutingSweep {

    static final Duration INTERVAL = Duration.ofSeconds(30);

    @Bean
    RecurringTask<Void> chatRoutingSweep(TicketManagement tickets, ChatRouting routing) {
        return Tasks.recurring("chat-routing-sweep", FixedDelay.of(INTERVAL))
                .execute((instance, context) -> tickets.workspacesWithWaitingChats().forEach(routing::assignWaiting));
    }
}
