package dev.xiaoer.channel.chat;

import dev.xiaoer.agent.AgentFilter;
import dev.xiaoer.agent.AgentManagement;
import dev.xiaoer.agent.AgentStatus;
import dev.xiaoer.channel.infra.ThreadRows;
import dev.xiaoer.ticket.ReadReceipts;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where a visitor's chat stands ({@link ChatFrames.State}): someone online or not, its place in the
 * workspace's chat queue, who answers it, how far the team has read it.
 */
@Component
class ChatState {

    /** Positions beyond this are not counted out: "more than 100 ahead of you" is no better to hear. */
    static final int QUEUE_COUNTED = 100;

    private final ThreadRows threads;
    private final TicketManagement tickets;
    private final ReadReceipts receipts;
    private final AgentManagement agents;
    private final ChatSettingsRows settings;
    private final WorkspaceManagement workspaces;
    private final Clock clock;

    ChatState(ThreadRows threads, TicketManagement tickets, ReadReceipts receipts, AgentManagement agents, ChatSettingsRows settings,
              WorkspaceManagement workspaces, Clock clock) {
        this.threads = threads;
        this.tickets = tickets;
        this.receipts = receipts;
        this.agents = agents;
        this.settings = settings;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    ChatFrames.State of(ChatVisitor visitor) {
        var chat = threads.find(visitor.workspace(), TicketChannel.CHAT, visitor.threadId())
                .flatMap(thread -> tickets.find(visitor.workspace(), thread.ticket()));
        return of(visitor.workspace(), chat, null, null);
    }

    /** The state of a chat; {@code queue} and {@code staffed} when the caller knows them already. */
    ChatFrames.State of(WorkspaceId workspace, Optional<TicketView> chat, List<TicketView> queue, Staffed staffed) {
        var now = staffed == null ? staffed(workspace) : staffed;
        return now.apply(stateOf(workspace, chat, queue, now.online()));
    }

    /** A waiting chat's place, told to its visitor when it moved. */
    ChatFrames.State queued(int position, Staffed staffed) {
        return staffed.apply(ChatFrames.State.of(staffed.online(), position, null, null));
    }

    /**
     * Whether the team is there: inside the workspace's chat hours ({@code closedHours} names them when
     * not, and nobody counts as online then) and with someone online.
     */
    record Staffed(boolean online, String closedHours, boolean assistant) {

        ChatFrames.State apply(ChatFrames.State state) {
            return (closedHours == null ? state : state.closed(closedHours)).withAssistant(assistant);
        }
    }

    Staffed staffed(WorkspaceId workspace) {
        var chat = settings.find(workspace);
        var hours = chat.hours();
        var zone = workspaces.get(workspace).timeZone();
        if (!hours.isOpen(clock.instant().atZone(zone))) {
            return new Staffed(false, hours.text().replace("\n", "; ") + " (" + zone.getId() + ")", chat.assistantFirst());
        }
        return new Staffed(anyoneOnline(workspace), null, chat.assistantFirst());
    }

    private ChatFrames.State stateOf(WorkspaceId workspace, Optional<TicketView> chat, List<TicketView> queue,
                                     boolean online) {
        if (chat.isEmpty() || chat.get().status() == TicketStatus.SOLVED || chat.get().status() == TicketStatus.CLOSED) {
            return ChatFrames.State.of(online, null, null, null);
        }
        var ticket = chat.get();
        var readUpTo = receipts.lastSeenByTeam(workspace, ticket.id()).orElse(null);
        if (ticket.assignee() != null) {
            return ChatFrames.State.of(online, null, ticket.assigneeName(), readUpTo);
        }
        var waiting = queue == null ? tickets.chatQueue(workspace, QUEUE_COUNTED) : queue;
        Integer position = null;
        for (var i = 0; i < waiting.size(); i++) {
            if (waiting.get(i).id().equals(ticket.id())) {
                position = i + 1;
            }
        }
        return ChatFrames.State.of(online, position, null, readUpTo);
    }

    boolean anyoneOnline(WorkspaceId workspace) {
        return !agents.list(workspace, new AgentFilter(AgentStatus.ONLINE, null, null, null)).isEmpty();
    }
}
