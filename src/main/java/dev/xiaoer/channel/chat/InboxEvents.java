package dev.xiaoer.channel.chat;

import dev.xiaoer.ticket.MessageAdded;
import dev.xiaoer.ticket.TicketCreated;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketUpdated;
import dev.xiaoer.workspace.WorkspaceId;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the agents of a workspace, on its inbox topic, that a ticket was opened, got a message or a
 * note, or changed, once that is committed, so that their open inbox and ticket pages fetch what is
 * new. The event names the ticket and what happened, never what was written. Plain listeners rather
 * than transactional ones, so that Spring Modulith records no publication for each (see
 * {@link ChatDelivery}).
 */
@Component
class InboxEvents {

    /**
     * What agents' pages hear: {@code what} is {@code created}, {@code message}, {@code note} or
     * {@code updated}; {@code version} is the ticket's version after it, so that a page showing that
     * version already (its own change) need not fetch anything.
     */
    record InboxEvent(String ticket, long number, long version, String what) {
    }

    private final SimpMessagingTemplate messaging;

    InboxEvents(SimpMessagingTemplate messaging) {
        this.messaging = messaging;
    }

    @EventListener
    void on(TicketCreated created) {
        publish(created.workspace(), created.ticket(), created.number(), 1, "created");
    }

    @EventListener
    void on(MessageAdded added) {
        publish(added.workspace(), added.ticket(), added.number(), added.version(),
                added.internal() ? "note" : "message");
    }

    @EventListener
    void on(TicketUpdated updated) {
        publish(updated.workspace(), updated.ticket(), updated.number(), updated.version(), "updated");
    }

    private void publish(WorkspaceId workspace, TicketId ticket, long number, long version, String what) {
        var event = new InboxEvent(ticket.value().toString(), number, version, what);
        Runnable push = () -> messaging.convertAndSend(AgentConnect.inboxTopic(workspace), event);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    push.run();
                }
            });
        } else {
            push.run();
        }
    }
}
