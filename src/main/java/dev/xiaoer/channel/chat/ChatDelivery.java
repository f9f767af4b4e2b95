package dev.xiaoer.channel.chat;

import dev.xiaoer.channel.infra.ThreadRows;
import dev.xiaoer.ticket.MessageAdded;
import dev.xiaoer.ticket.MessageAuthor;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the service team's public answers on a chat ticket to the visitor whose chat it is, once
 * the answer is committed. Internal notes never leave.
 */
@Component
class ChatDelivery {

    private final ThreadRows threads;
    private final TicketManagement tickets;
    private final SimpMessagingTemplate messaging;

    ChatDelivery(ThreadRows threads, TicketManagement tickets, SimpMessagingTemplate messaging) {
        this.threads = threads;
        this.tickets = tickets;
        this.messaging = messaging;
    }

    @TransactionalEventListener
    void deliver(MessageAdded added) {
        if (added.internal() || added.author() != MessageAuthor.AGENT) {
            return;
        }
        var visitors = threads.threadsOf(added.workspace(), TicketChannel.CHAT, added.ticket()).stream()
                .filter(thread -> thread.startsWith(ChatVisitor.THREAD_PREFIX))
                .map(thread -> new ChatVisitor(added.workspace(), thread.substring(ChatVisitor.THREAD_PREFIX.length())))
                .toList();
        if (visitors.isEmpty()) {
            return;
        }
        tickets.publicEntry(added.workspace(), added.message()).ifPresent(entry -> visitors.forEach(visitor ->
                messaging.convertAndSendToUser(visitor.getName(), "/queue/chat",
                        ChatFrames.ToVisitor.message(entry.author().name(), entry.body(), entry.at()))));
    }
}
