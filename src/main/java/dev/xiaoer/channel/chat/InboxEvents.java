package dev.xiaoer.channel.chat;

import dev.xiaoer.agent.AgentStatusChanged;
import dev.xiaoer.kernel.AfterCommit;
import dev.xiaoer.ticket.AttachmentAdded;
import dev.xiaoer.ticket.MessageAdded;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketCreated;
import dev.xiaoer.ticket.TicketReadByCustomer;
import dev.xiaoer.ticket.TicketUpdated;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.workspace.WorkspaceId;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the agents of a workspace, on its inbox topic, that a ticket was opened, got a message or a
 * note, or changed, or that an agent's presence changed, once that is committed, so that their open
 * pages fetch what is new. The event names the ticket and what happened, never what was written.
 * Plain listeners rather than transactional ones, so that Spring Modulith records no publication for
 * each (see {@link ChatDelivery}).
 */
@Component
class InboxEvents {

    /**
     * What agents' pages hear: {@code what} is {@code created}, {@code message}, {@code note},
     * {@code updated}, {@code attachment}, {@code presence}, {@code typing} (the customer types) or {@code read} (the customer
     * saw the team's messages); {@code version} is the ticket's version after it, so that a
     * page showing that version already (its own change) need not fetch anything. {@code assignee} is
     * set when the event gave the ticket to someone (a new ticket's assignee, or a new assignee), and
     * for {@code presence} names the agent; {@code channel} is the ticket's, in lower case.
     */
    record InboxEvent(String ticket, long number, long version, String what, String channel, String assignee) {
    }

    private final SimpMessagingTemplate messaging;

    InboxEvents(SimpMessagingTemplate messaging) {
        this.messaging = messaging;
    }

    @EventListener
    void on(TicketCreated created) {
        publish(created.workspace(), new InboxEvent(created.ticket().value().toString(), created.number(), 1,
                "created", code(created.channel()),
                created.assignee() == null ? null : created.assignee().value().toString()));
    }

    @EventListener
    void on(MessageAdded added) {
        publish(added.workspace(), new InboxEvent(added.ticket().value().toString(), added.number(), added.version(),
                added.internal() ? "note" : "message", code(added.channel()), null));
    }

    @EventListener
    void on(AttachmentAdded added) {
        publish(added.workspace(), new InboxEvent(added.ticket().value().toString(), added.number(), added.version(),
                "attachment", code(added.channel()), null));
    }

    @EventListener
    void on(TicketUpdated updated) {
        var assignedTo = updated.changes().stream().filter(change -> change.field().equals("assignee"))
                .findFirst().map(TicketUpdated.Change::to).orElse(null);
        publish(updated.workspace(), new InboxEvent(updated.ticket().value().toString(), updated.number(),
                updated.version(), "updated", code(updated.channel()), assignedTo));
    }

    @EventListener
    void on(AgentStatusChanged changed) {
        publish(changed.workspace(), new InboxEvent(null, 0, 0, "presence", null, changed.userId().value().toString()));
    }

    /** The customer is typing on this chat: only a page showing it cares, so no version and no fetch. */
    void customerTyping(WorkspaceId workspace, TicketView chat) {
        publish(workspace, new InboxEvent(chat.id().value().toString(), chat.number(), 0, "typing",
                code(chat.channel()), null));
    }

    @EventListener
    void on(TicketReadByCustomer read) {
        publish(read.workspace(), new InboxEvent(read.ticket().value().toString(), read.number(), 0, "read",
                code(read.channel()), null));
    }

    private void publish(WorkspaceId workspace, InboxEvent event) {
        AfterCommit.run(() -> messaging.convertAndSend(AgentConnect.inboxTopic(workspace), event));
    }

    private static String code(TicketChannel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }
}
