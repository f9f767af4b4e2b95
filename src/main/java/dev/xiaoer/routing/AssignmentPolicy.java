package dev.xiaoer.routing;

import dev.xiaoer.identity.UserId;
import dev.xiaoer.ticket.TicketView;
import java.util.List;
import java.util.Optional;

/**
 * The step that picks an agent for a waiting chat. The default gives it to the online agent with the
 * fewest open chats below capacity; a workspace that routes by skills (language, product category)
 * replaces it by declaring a {@code @Primary} bean of this type. The queue, the locking and the
 * assignment itself stay with {@link ChatRouting}.
 */
public interface AssignmentPolicy {

    /**
     * The agent who should answer {@code chat}, among {@code agents} (everyone of the workspace, with
     * their status and load), or empty when nobody should take it now and it waits in the queue.
     */
    Optional<UserId> choose(TicketView chat, List<AgentLoad> agents);
}
