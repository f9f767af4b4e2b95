package dev.xiaoer.channel.chat;

import dev.xiaoer.kernel.AfterCommit;
import dev.xiaoer.kernel.CoalescedRuns;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketSeen;
import dev.xiaoer.ticket.TicketUpdated;
import dev.xiaoer.workspace.WorkspaceId;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps waiting visitors told where their chat stands: when a chat joins, leaves or moves in the
 * queue, every visitor still waiting hears their new place, and the visitor whose chat an agent
 * took hears who answers; when an agent reads a chat, its visitor sees their messages marked read.
 * After the commit, off the caller's thread, once per workspace however many changes arrive at once.
 */
@Component
class ChatStateNotices {

    private final ChatState state;
    private final ChatRecipients recipients;
    private final TicketManagement tickets;
    private final CoalescedRuns<WorkspaceId> runs = new CoalescedRuns<>("Telling waiting visitors their place");

    ChatStateNotices(ChatState state, ChatRecipients recipients, TicketManagement tickets) {
        this.state = state;
        this.recipients = recipients;
        this.tickets = tickets;
    }

    /**
     * A visitor's message opened a chat. Told by the chat itself rather than heard from
     * {@code TicketCreated}: only once the visitor's thread is filed on the new ticket can they be found.
     */
    void chatOpened(WorkspaceId workspace) {
        tellQueue(workspace);
    }

    @EventListener
    void on(TicketUpdated updated) {
        if (updated.channel() == TicketChannel.CHAT && (updated.changed("assignee") || updated.changed("status"))) {
            AfterCommit.run(() -> {
                runs.runOnce(() -> tellOne(updated));
                tellQueue(updated.workspace());
            });
        }
    }

    @EventListener
    void on(TicketSeen seen) {
        if (seen.channel() == TicketChannel.CHAT) {
            var visitors = recipients.of(seen.workspace(), seen.ticket());
            AfterCommit.run(() -> recipients.send(visitors, ChatFrames.Read.upTo(seen.at())));
        }
    }

    private void tellOne(TicketUpdated updated) {
        var visitors = recipients.of(updated.workspace(), updated.ticket());
        if (!visitors.isEmpty()) {
            recipients.send(visitors, state.of(updated.workspace(),
                    tickets.find(updated.workspace(), updated.ticket()), null, null));
        }
    }

    /** Every waiting visitor of the workspace hears their place in the queue. */
    private void tellQueue(WorkspaceId workspace) {
        runs.request(workspace, () -> {
            var queue = tickets.chatQueue(workspace, ChatState.QUEUE_COUNTED);
            var online = state.anyoneOnline(workspace);
            for (var chat : queue) {
                var visitors = recipients.of(workspace, chat.id());
                if (!visitors.isEmpty()) {
                    recipients.send(visitors, state.of(workspace, Optional.of(chat), queue, online));
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        runs.close();
    }
}
