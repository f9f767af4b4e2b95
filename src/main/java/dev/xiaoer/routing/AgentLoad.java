package dev.xiaoer.routing;

import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.identity.UserId;
import java.time.Instant;
import java.util.Set;

/**
 * An agent as routing sees them at one moment: presence, how many chats they hold against how many
 * they can, and their skills (for policies that route by language or product).
 *
 * @param since when the agent's status last changed ({@code null}: never), so an agent online longer
 *              can go first on a tie
 */
public record AgentLoad(UserId agent, String name, AgentStatus status, int capacity, int openChats,
                        Set<String> languages, Set<String> categories, Instant since) {

    /** Whether a new chat may go to this agent: online and below capacity. */
    public boolean canTakeAChat() {
        return status == AgentStatus.ONLINE && openChats < capacity;
    }
}
