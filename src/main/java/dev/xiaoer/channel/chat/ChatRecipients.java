package dev.xiaoer.channel.chat;

import dev.xiaoer.channel.infra.ThreadRows;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.workspace.WorkspaceId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/** Reaches the visitor(s) whose chat a ticket is, on their own queue, wherever they are connected. */
@Component
class ChatRecipients {

    static final String OWN_QUEUE = "/queue/chat";

    private final ThreadRows threads;
    private final SimpMessagingTemplate messaging;

    ChatRecipients(ThreadRows threads, SimpMessagingTemplate messaging) {
        this.threads = threads;
        this.messaging = messaging;
    }

    /** The principal names of the visitors whose chat thread is filed on this ticket (usually one). */
    List<String> of(WorkspaceId workspace, TicketId ticket) {
        return threads.threadsOf(workspace, TicketChannel.CHAT, ticket).stream()
                .flatMap(thread -> ChatVisitor.nameOfThread(workspace, thread).stream())
                .toList();
    }

    /** The visitors of each of these tickets, in one query. */
    Map<TicketId, List<String>> of(WorkspaceId workspace, Collection<TicketId> tickets) {
        var result = new HashMap<TicketId, List<String>>();
        threads.threadsOf(workspace, TicketChannel.CHAT, tickets).forEach((ticket, ids) -> result.put(ticket,
                ids.stream().flatMap(thread -> ChatVisitor.nameOfThread(workspace, thread).stream()).toList()));
        return result;
    }

    void send(List<String> visitors, Object frame) {
        visitors.forEach(name -> messaging.convertAndSendToUser(name, OWN_QUEUE, frame));
    }
}
