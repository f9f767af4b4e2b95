package dev.xiaoer.routing.internal;

import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.agent.AgentStatusChanged;
import dev.xiaoer.kernel.AfterCommit;
import dev.xiaoer.kernel.CoalescedRuns;
import dev.xiaoer.routing.ChatRouting;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketCreated;
import dev.xiaoer.ticket.TicketUpdated;
import dev.xiaoer.workspace.WorkspaceId;
import jakarta.annotation.PreDestroy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs routing when something may let a waiting chat go to an agent: a new unassigned chat, a chat
 * that was unassigned, solved or closed (its agent has room again), an agent coming online; and hands
 * an agent's chats back to the queue when they go offline. Routing runs after the commit, off the
 * caller's thread (a visitor's message is acknowledged without waiting for it), and once per
 * workspace however many triggers arrive meanwhile. Plain listeners: a trigger lost in a crash is
 * made up for by {@link RoutingSweep}, without an event publication per ticket change.
 */
@Component
class RoutingTriggers {

    private final ChatRouting routing;
    private final CoalescedRuns<WorkspaceId> runs = new CoalescedRuns<>("Routing chats");

    RoutingTriggers(ChatRouting routing) {
        this.routing = routing;
    }

    @EventListener
    void on(TicketCreated created) {
        if (created.channel() == TicketChannel.CHAT && created.assignee() == null) {
            AfterCommit.run(() -> route(created.workspace()));
        }
    }

    @EventListener
    void on(TicketUpdated updated) {
        if (updated.channel() == TicketChannel.CHAT && (updated.changed("assignee") || updated.changed("status")
                || updated.changed("assistant"))) {
            AfterCommit.run(() -> route(updated.workspace()));
        }
    }

    @EventListener
    void on(AgentStatusChanged changed) {
        if (changed.status() == AgentStatus.OFFLINE) {
            AfterCommit.run(() -> runs.runOnce(() -> {
                try {
                    routing.releaseChatsOf(changed.workspace(), changed.userId());
                } finally {
                    route(changed.workspace());
                }
            }));
        } else if (changed.status() == AgentStatus.ONLINE) {
            AfterCommit.run(() -> route(changed.workspace()));
        }
    }

    private void route(WorkspaceId workspace) {
        runs.request(workspace, () -> routing.assignWaiting(workspace));
    }

    @PreDestroy
    void stop() {
        runs.close();
    }
}
