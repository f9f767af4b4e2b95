package dev.xiaoer.channel.chat;

import dev.xiaoer.channel.InboundMessage;
import dev.xiaoer.channel.InboundMessages;
import dev.xiaoer.kernel.BusinessException;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.security.Principal;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Controller;

/**
 * A visitor's chat messages: each is filed on the visitor's chat ticket (the first one opens it) and
 * only then acknowledged, so an acknowledged message is stored.
 */
@Controller
class ChatController {

    static final String CLIENT_ID_HEADER = "client-id";

    private static final Logger log = LoggerFactory.getLogger(ChatController.class);

    private final InboundMessages inbound;
    private final WorkspaceManagement workspaces;
    private final SimpMessagingTemplate messaging;
    private final MessageSource texts;
    private final Clock clock;

    ChatController(InboundMessages inbound, WorkspaceManagement workspaces, SimpMessagingTemplate messaging,
                   MessageSource texts, Clock clock) {
        this.inbound = inbound;
        this.workspaces = workspaces;
        this.messaging = messaging;
        this.texts = texts;
        this.clock = clock;
    }

    @MessageMapping("/chat.send")
    void send(@Payload ChatFrames.Send send, Principal principal) {
        var visitor = (ChatVisitor) principal;
        if (send == null || send.text() == null || send.text().isBlank()) {
            throw new InvalidInput("text", "blank");
        }
        var language = workspaces.get(visitor.workspace()).defaultLanguage();
        var name = visitor.userId() == null
                ? texts.getMessage("chat.visitor-name", new Object[] {visitor.visitorId().substring(0, 6)}, language)
                : texts.getMessage("chat.user-name", new Object[] {visitor.userId()}, language);
        var filed = inbound.receive(visitor.workspace(), new InboundMessage(TicketChannel.CHAT, visitor.identity(),
                name, null, send.text(), visitor.threadId()));
        messaging.convertAndSendToUser(visitor.getName(), "/queue/chat",
                ChatFrames.ToVisitor.ack(send.clientId(), filed.number(), clock.instant()));
    }

    /**
     * Bad input is answered to the sender alone; their connection and everyone else's carry on. The
     * widget repeats the message's client id in a header, so the answer can name the message even
     * when its body could not be read.
     */
    @MessageExceptionHandler
    void refuse(Exception refused, @Header(name = CLIENT_ID_HEADER, required = false) String clientId,
                Principal principal) {
        String code;
        if (refused instanceof BusinessException business) {
            code = business.code();
        } else if (refused instanceof MessageConversionException || refused instanceof MethodArgumentNotValidException) {
            code = "malformed-message";
        } else {
            code = "not-stored";
            log.warn("A chat message could not be stored", refused);
        }
        messaging.convertAndSendToUser(principal.getName(), "/queue/chat", ChatFrames.ToVisitor.error(clientId, code));
    }
}
