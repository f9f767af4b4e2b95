package dev.xiaoer.ticket.infra;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Closes solved tickets after {@code xiaoer.tickets.auto-close-after-days}. A db-scheduler recurring
 * task: it survives restarts and runs on one node at a time however many are up.
 */
@Configuration(proxyBeanMethods = false)
public class AutoCloseTask {

    /** The task's name in {@code scheduled_tasks}. */
    public static final String NAME = "close-solved-tickets";

    private static final Logger log = LoggerFactory.getLogger(AutoCloseTask.class);

    @Bean
    RecurringTask<Void> closeSolvedTickets(TicketManagement tickets, TicketProperties properties) {
        return Tasks.recurring(NAME, FixedDelay.of(properties.autoCloseCheckInterval()))
                .execute((instance, context) -> {
                    var closed = tickets.closeSolvedTickets();
                    if (closed > 0) {
                        log.info("Closed {} ticket(s) solved more than {} days ago", closed,
                                properties.autoCloseAfterDays());
                    }
                });
    }
}
