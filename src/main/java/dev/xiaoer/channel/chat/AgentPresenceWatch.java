package dev.xiaoer.channel.chat;

import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.workspace.WorkspaceId;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * An agent who closed every page of Xiaoer (or whose laptop went to sleep) goes offline after
 * {@code xiaoer.presence.offline-after} (2 minutes), so that routing stops handing them chats and
 * their open chats go back to the queue. Each closed agent connection schedules a check for then on
 * this node, which held the connection (a later close of theirs moves it later); the check asks the
 * user registry, which with the relay knows every node's connections, whether any page of theirs is
 * still connected. Moving between pages reconnects within a second and changes nothing. A check
 * pending on a node that stops is lost with it: the agent stays as they were until they change it.
 */
@Component
class AgentPresenceWatch {

    private static final Logger log = LoggerFactory.getLogger(AgentPresenceWatch.class);

    private record Agent(WorkspaceId workspace, UserId user) {
    }

    private final SimpUserRegistry connected;
    private final AgentManagement agents;
    private final Duration offlineAfter;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("agent-presence-watch").factory());
    private final Map<Agent, ScheduledFuture<?>> checks = new ConcurrentHashMap<>();

    AgentPresenceWatch(SimpUserRegistry connected, AgentManagement agents,
                       @Value("${xiaoer.presence.offline-after:2m}") Duration offlineAfter) {
        this.connected = connected;
        this.agents = agents;
        this.offlineAfter = offlineAfter;
    }

    @EventListener
    void on(SessionDisconnectEvent closed) {
        var attributes = SimpMessageHeaderAccessor.getSessionAttributes(closed.getMessage().getHeaders());
        var workspace = AgentHandshake.workspaceOf(attributes);
        if (workspace == null || closed.getUser() == null) {
            return;
        }
        var agent = new Agent(workspace, (UserId) attributes.get(AgentHandshake.USER_ATTRIBUTE));
        var name = closed.getUser().getName();
        checks.compute(agent, (key, pending) -> {
            if (pending != null) {
                pending.cancel(false);
            }
            return timer.schedule(() -> check(agent, name), offlineAfter.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void check(Agent agent, String name) {
        checks.remove(agent);
        if (connected.getUser(name) != null) {
            return;
        }
        try {
            if (agents.get(agent.workspace(), agent.user()).status() != AgentStatus.OFFLINE) {
                log.info("Agent {} has had no page open for {}: now offline", agent.user(), offlineAfter);
                agents.setStatus(agent.workspace(), agent.user(), AgentStatus.OFFLINE);
            }
        } catch (NotFound noLongerAnAgent) {
            log.debug("Agent {} left the workspace before their presence was checked", agent.user());
        } catch (RuntimeException failed) {
            log.warn("Could not set agent {} offline", agent.user(), failed);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
