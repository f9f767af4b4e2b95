package dev.xiaoer.channel.chat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.workspace.WorkspaceId;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Instant;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * An agent who closed every page of Xiaoer (or whose laptop went to sleep) goes offline after
 * {@code xiaoer.presence.offline-after} (2 minutes), so that routing stops handing them chats and
 * their open chats go back to the queue. Each closed agent connection schedules a check for then (a
 * db-scheduler task per agent, moved later by every further close); the check asks the user registry,
 * which with the relay knows every node's connections (without it, only the node that had the
 * connection checks), whether any page of theirs is still connected.
 * Moving between pages reconnects within a second and changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class AgentPresenceWatch {

    static final TaskDescriptor<String> CHECK = TaskDescriptor.of("agent-left-check", String.class);

    private static final Logger log = LoggerFactory.getLogger(AgentPresenceWatch.class);

    private final SchedulerClient scheduler;
    private final Duration offlineAfter;
    private final ThisNode node;

    AgentPresenceWatch(@Lazy SchedulerClient scheduler,
                       @Value("${xiaoer.presence.offline-after:2m}") Duration offlineAfter, ThisNode node) {
        this.scheduler = scheduler;
        this.offlineAfter = offlineAfter;
        this.node = node;
    }

    @EventListener
    void on(SessionDisconnectEvent closed) {
        var attributes = SimpMessageHeaderAccessor.getSessionAttributes(closed.getMessage().getHeaders());
        var workspace = AgentHandshake.workspaceOf(attributes);
        if (workspace == null || closed.getUser() == null) {
            return;
        }
        var user = (UserId) attributes.get(AgentHandshake.USER_ATTRIBUTE);
        // db-scheduler runs on the system clock, not the application's.
        var at = Instant.now().plus(offlineAfter);
        var instance = CHECK.instance(workspace.value() + ":" + user.value())
                .data(workspace.value() + " " + user.value() + " " + node.id() + " " + closed.getUser().getName());
        if (!scheduler.scheduleIfNotExists(instance.scheduledTo(at))) {
            scheduler.reschedule(CHECK.instanceId(workspace.value() + ":" + user.value()), at);
        }
    }

    @Bean
    OneTimeTask<String> agentLeftCheck(SimpUserRegistry connected, AgentManagement agents, ChatRelayProperties relay) {
        return Tasks.oneTime(CHECK).onFailure(ThisNode.retryElsewhere(
                        new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
                .execute((instance, context) -> {
            var parts = instance.getData().split(" ", 4);
            var workspace = new WorkspaceId(UUID.fromString(parts[0]));
            var user = new UserId(UUID.fromString(parts[1]));
            if (!relay.enabled() && !parts[2].equals(node.id())) {
                // Without the relay only the node that had the connection knows the agent's connections.
                throw new ThisNode.Elsewhere("the agent's connections are another node's");
            }
            if (connected.getUser(parts[3]) != null) {
                return;
            }
            try {
                if (agents.get(workspace, user).status() != AgentStatus.OFFLINE) {
                    log.info("Agent {} has had no page open for a while: now offline", user);
                    agents.setStatus(workspace, user, AgentStatus.OFFLINE);
                }
            } catch (NotFound noLongerAnAgent) {
                log.debug("Agent {} left the workspace before their presence was checked", user);
            }
        });
    }
}
