package dev.xiaoer.routing.internal;

import dev.xiaoer.identity.UserId;
import dev.xiaoer.routing.AgentLoad;
import dev.xiaoer.routing.AssignmentPolicy;
import dev.xiaoer.ticket.TicketView;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The default policy: the online agent with the fewest open chats below their capacity; on a tie, the
 * one who has been online longest, then by name, so that the choice is the same on every node.
 */
@Component
class FewestOpenChats implements AssignmentPolicy {

    @Override
    public Optional<UserId> choose(TicketView chat, List<AgentLoad> agents) {
        return agents.stream()
                .filter(AgentLoad::canTakeAChat)
                .min(Comparator.comparingInt(AgentLoad::openChats)
                        .thenComparing(agent -> agent.since() == null ? Instant.MIN : agent.since())
                        .thenComparing(AgentLoad::name))
                .map(AgentLoad::agent);
    }
}
