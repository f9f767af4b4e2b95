package dev.xiaoer.channel.chat;

import dev.xiaoer.kernel.AfterCommit;
import dev.xiaoer.kernel.CoalescedRuns;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketSeen;
import dev.xiaoer.ticket.TicketUpdated;
import dev.xiaoer.workspace.WorkspaceId;
import jakarta.annotation.PreDestroy;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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
    /** What each waiting chat's visitor was told last, so that a place that did not change is not told again. */
    private final Map<TicketId, ChatFrames.State> lastTold = new ConcurrentHashMap<>();
    /** Per workspace, the chats whose assignee, status or assistant changed since its last run. */
    private final Map<WorkspaceId, Set<TicketId>> changed = new ConcurrentHashMap<>();
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
        tell(workspace);
    }

    @EventListener
    void on(TicketUpdated updated) {
        if (updated.channel() == TicketChannel.CHAT && (updated.changed("assignee") || updated.changed("status")
                || updated.changed("assistant"))) {
            AfterCommit.run(() -> {
                changed.compute(updated.workspace(), (workspace, chats) -> {
                    var pending = chats == null ? ConcurrentHashMap.<TicketId>newKeySet() : chats;
                    pending.add(updated.ticket());
                    return pending;
                });
                tell(updated.workspace());
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

    /**
     * The visitors of chats that changed hear where their chat stands now, then every waiting visitor of
     * the workspace whose place changed hears it (or that someone came online): a chat joining the end
     * of the queue moves nobody else, so it costs one notice, not one per visitor. One run at a time per
     * workspace, each reading after the commits that asked for it, so a notice read before a change
     * never reaches a visitor after the notice of that change.
     */
    private void tell(WorkspaceId workspace) {
        runs.request(workspace, () -> {
            var staffed = state.staffed(workspace);
            var changedChats = changed.remove(workspace);
            if (changedChats != null) {
                for (var chat : changedChats) {
                    var visitors = recipients.of(workspace, chat);
                    if (!visitors.isEmpty()) {
                        recipients.send(visitors, state.of(workspace, tickets.find(workspace, chat), null, staffed));
                    }
                }
            }
            var queue = tickets.chatQueue(workspace, ChatState.QUEUE_COUNTED);
            var visitors = recipients.of(workspace, queue.stream().map(TicketView::id).toList());
            for (var i = 0; i < queue.size(); i++) {
                var chat = queue.get(i).id();
                var told = state.queued(i + 1, staffed);
                var waiting = visitors.getOrDefault(chat, List.of());
                if (!waiting.isEmpty() && !told.equals(lastTold.put(chat, told))) {
                    recipients.send(waiting, told);
                }
            }
            var stillWaiting = queue.stream().map(TicketView::id).collect(Collectors.toSet());
            lastTold.keySet().removeIf(chat -> !stillWaiting.contains(chat));
        });
    }

    @PreDestroy
    void stop() {
        runs.close();
    }
}
