package dev.xiaoer.channel.chat;

import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

/**
 * An agent types a reply on a chat's page: the visitor sees "… is typing". Sent by the page while the
 * Reply tab is chosen only, never for an internal note. Nothing is stored; a ticket of another
 * workspace, or one that is no chat, is ignored.
 */
@Controller
class AgentTypingController {

    private final TicketManagement tickets;
    private final ChatRecipients recipients;

    AgentTypingController(TicketManagement tickets, ChatRecipients recipients) {
        this.tickets = tickets;
        this.recipients = recipients;
    }

    @MessageMapping("/agent.typing")
    void typing(@Payload ChatFrames.AgentTyping typing, SimpMessageHeaderAccessor headers) {
        var workspace = AgentHandshake.workspaceOf(headers.getSessionAttributes());
        if (workspace == null || typing == null) {
            return;
        }
        var name = (String) headers.getSessionAttributes().get(AgentHandshake.NAME_ATTRIBUTE);
        tickets.findByNumber(workspace, typing.number())
                .filter(chat -> chat.channel() == TicketChannel.CHAT)
                .ifPresent(chat -> recipients.send(recipients.of(workspace, chat.id()), ChatFrames.Typing.by(name)));
    }
}
