package dev.xiaoer.routing;

import dev.xiaoer.agent.AgentFilter;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.BusinessException;
import dev.xiaoer.routing.internal.RoutingLocks;
import dev.xiaoer.ticket.StaleTicketVersion;
import dev.xiaoer.ticket.TicketChanges;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.workspace.WorkspaceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workspace's chat queue and who answers its chats. A chat nobody is assigned to waits in the
 * queue (longest wait first) until {@link #assignWaiting} hands it to the agent the
 * {@link AssignmentPolicy} picks, or an agent takes it ({@link #takeNext}). Each hand-out happens
 * under the workspace's routing lock and only if the chat is still as it was read, so a chat goes
 * to one agent and nobody gets more chats than their capacity, across nodes.
 */
@Service
public class ChatRouting {

    /** How far down the queue one hand-out looks for a chat the policy can place. */
    static final int LOOKAHEAD = 50;
    /** How many chats one run hands out at most; the next trigger or the sweep continues. */
    static final int MAX_PER_RUN = 200;

    private static final Logger log = LoggerFactory.getLogger(ChatRouting.class);

    private final TicketManagement tickets;
    private final AgentManagement agents;
    private final AssignmentPolicy policy;
    private final RoutingLocks locks;
    private final TransactionTemplate transaction;

    ChatRouting(TicketManagement tickets, AgentManagement agents, AssignmentPolicy policy, RoutingLocks locks,
                PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.agents = agents;
        this.policy = policy;
        this.locks = locks;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The chats waiting for an agent, longest wait first. */
    public List<TicketView> queue(WorkspaceId workspace) {
        return tickets.chatQueue(workspace, 500);
    }

    /** Every agent of the workspace with their presence and how many chats they hold. */
    public List<AgentLoad> loads(WorkspaceId workspace) {
        var open = tickets.openChatsByAssignee(workspace);
        return agents.list(workspace, AgentFilter.all()).stream()
                .map(agent -> new AgentLoad(agent.userId(), agent.displayName(), agent.status(), agent.capacity(),
                        open.getOrDefault(agent.userId(), 0), agent.languages(), agent.categories(),
                        agent.statusChangedAt()))
                .toList();
    }

    /** Hands waiting chats to agents with room, one after another, while the policy finds one. */
    public int assignWaiting(WorkspaceId workspace) {
        var assigned = 0;
        var misses = 0;
        while (assigned < MAX_PER_RUN && misses < 3) {
            try {
                if (!Boolean.TRUE.equals(transaction.execute(status -> assignOne(workspace)))) {
                    break;
                }
                assigned++;
            } catch (StaleTicketVersion changedMeanwhile) {
                // Someone took or closed that chat since it was read: read the queue again.
                misses++;
            }
        }
        return assigned;
    }

    /** The longest-waiting chat, assigned to the agent who asks for it, if any chat waits. */
    public Optional<TicketView> takeNext(Actor agent) {
        for (var attempt = 0; attempt < 3; attempt++) {
            try {
                return Optional.ofNullable(transaction.execute(status -> {
                    locks.lock(agent.workspace());
                    var next = tickets.chatQueue(agent.workspace(), 1);
                    return next.isEmpty() ? null : tickets.update(agent, next.getFirst().id(),
                            TicketChanges.none().withAssignee(agent.userId()), next.getFirst().version());
                }));
            } catch (StaleTicketVersion changedMeanwhile) {
                // Taken by routing or a colleague a moment ago: the next one, then.
            }
        }
        return Optional.empty();
    }

    /**
     * An agent went offline: each chat they still hold goes back to the queue (unassigned, recorded
     * on its timeline), unless it changed hands meanwhile. Returns how many went back.
     */
    public int releaseChatsOf(WorkspaceId workspace, UserId agent) {
        var released = 0;
        for (var chat : tickets.openChatsOf(workspace, agent)) {
            if (release(workspace, agent, chat)) {
                released++;
            }
        }
        return released;
    }

    private boolean release(WorkspaceId workspace, UserId agent, TicketId chat) {
        var current = tickets.find(workspace, chat).orElse(null);
        if (current == null || !Objects.equals(current.assignee(), agent)) {
            return false;
        }
        try {
            tickets.update(Actor.system(workspace), chat, TicketChanges.none().withAssignee(null), current.version());
            return true;
        } catch (BusinessException changedMeanwhile) {
            log.debug("Chat {} changed while being released from {}: left as it is", chat, agent, changedMeanwhile);
            return false;
        }
    }

    private boolean assignOne(WorkspaceId workspace) {
        // Nobody with room: nothing to hand out, and no reason to queue up for the lock.
        if (loads(workspace).stream().noneMatch(AgentLoad::canTakeAChat)) {
            return false;
        }
        locks.lock(workspace);
        var waiting = tickets.chatQueue(workspace, LOOKAHEAD);
        if (waiting.isEmpty()) {
            return false;
        }
        // Read again under the lock: another node may just have given someone their last free place.
        var loads = loads(workspace);
        for (var chat : waiting) {
            var choice = policy.choose(chat, loads);
            if (choice.isPresent()) {
                tickets.update(Actor.system(workspace), chat.id(), TicketChanges.none().withAssignee(choice.get()),
                        chat.version());
                return true;
            }
        }
        return false;
    }
}
