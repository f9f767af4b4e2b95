package dev.xiaoer.channel.chat;

import dev.xiaoer.channel.infra.ThreadRows;
import dev.xiaoer.kernel.BusinessException;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.ticket.ReadReceipts;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import java.security.Principal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

/**
 * A visitor's chat messages: each is filed on the visitor's chat ticket (the first one opens it) and
 * only then acknowledged, so an acknowledged message is stored. A message sent again with the same
 * client id is stored once and acknowledged again. On (re)connecting, the widget asks for the
 * conversation so far.
 */
@Controller
class ChatController {

    static final String CLIENT_ID_HEADER = "client-id";
    static final int HISTORY_SIZE = 50;

    private static final String OWN_QUEUE = "/queue/chat";
    private static final Logger log = LoggerFactory.getLogger(ChatController.class);

    private final ChatFiling filing;
    private final ChatAssistant chatAssistant;
    private final ChatFloodLimit floodLimit;
    private final ChatState state;
    private final ChatStateNotices notices;
    private final OfflineContact offlineContact;
    private final InboxEvents inbox;
    private final ThreadRows threads;
    private final TicketManagement tickets;
    private final ReadReceipts receipts;
    private final SimpMessagingTemplate messaging;
    private final Clock clock;

    ChatController(ChatFiling filing, ChatAssistant chatAssistant, ChatFloodLimit floodLimit, ChatState state, ChatStateNotices notices,
                   OfflineContact offlineContact, InboxEvents inbox, ThreadRows threads, TicketManagement tickets, ReadReceipts receipts,
                   SimpMessagingTemplate messaging, Clock clock) {
        this.filing = filing;
        this.chatAssistant = chatAssistant;
        this.floodLimit = floodLimit;
        this.state = state;
        this.notices = notices;
        this.offlineContact = offlineContact;
        this.inbox = inbox;
        this.threads = threads;
        this.tickets = tickets;
        this.receipts = receipts;
        this.messaging = messaging;
        this.clock = clock;
    }

    @MessageMapping("/chat.send")
    void send(@Payload ChatFrames.Send send, Principal principal) {
        var visitor = (ChatVisitor) principal;
        if (send == null || !ChatClientMessages.isValidClientId(send.clientId())) {
            throw new InvalidInput("clientId", "invalid-client-id");
        }
        if (send.text() == null || send.text().isBlank()) {
            throw new InvalidInput("text", "blank");
        }
        var clientId = send.clientId();
        var contact = OfflineContact.parse(send.contact());
        if (!floodLimit.allow(visitor)) {
            answer(visitor, ChatFrames.ToVisitor.error(clientId, "rate-limited"));
            return;
        }
        var outcome = filing.file(visitor, clientId, send.text());
        if (outcome instanceof ChatFiling.SentBefore before) {
            // Sent before: answer as the first time. While the first send is still filing it, that
            // send answers, on all of the visitor's connections.
            before.ticketNumber().ifPresent(number ->
                    answer(visitor, ChatFrames.ToVisitor.ack(clientId, number, clock.instant())));
            return;
        }
        var filed = ((ChatFiling.Filed) outcome).result();
        contact.ifPresent(left -> offlineContact.record(visitor, filed, left));
        answer(visitor, ChatFrames.ToVisitor.ack(clientId, filed.number(), clock.instant()));
        if (filed.ticketCreated()) {
            notices.chatOpened(visitor.workspace());
        }
        if (filed.withAssistant()) {
            chatAssistant.received(visitor.workspace(), filed.ticket(), send.text());
        }
    }

    /** The visitor says whether the assistant's answer helped; the assistant acts on it. */
    @MessageMapping("/chat.feedback")
    void feedback(@Payload ChatFrames.Feedback feedback, Principal principal) {
        var visitor = (ChatVisitor) principal;
        if (floodLimit.allow(visitor)) {
            chatAssistant.feedback(visitor, feedback);
        }
    }

    /** The visitor chose one of the questions the assistant offered. */
    @MessageMapping("/chat.choose")
    void choose(@Payload ChatFrames.Choice choice, Principal principal) {
        var visitor = (ChatVisitor) principal;
        if (floodLimit.allow(visitor)) {
            chatAssistant.choose(visitor, choice);
        }
    }

    /** Where the visitor's chat stands, answered to this subscription alone; later changes come on their queue. */
    @SubscribeMapping("/chat.state")
    ChatFrames.State state(Principal principal) {
        return state.of((ChatVisitor) principal);
    }

    /** The visitor is typing: agents with their chat open see so. Nothing is stored. */
    @MessageMapping("/chat.typing")
    void typing(Principal principal) {
        var visitor = (ChatVisitor) principal;
        if (!floodLimit.allowTyping(visitor)) {
            return;
        }
        threads.find(visitor.workspace(), TicketChannel.CHAT, visitor.threadId())
                .flatMap(thread -> tickets.find(visitor.workspace(), thread.ticket()))
                .ifPresent(chat -> inbox.customerTyping(visitor.workspace(), chat));
    }

    /** The visitor has the team's messages up to {@code upTo} in front of them: the agent sees them read. */
    @MessageMapping("/chat.read")
    void read(@Payload ChatFrames.Seen seen, Principal principal) {
        var visitor = (ChatVisitor) principal;
        if (seen == null || seen.upTo() == null) {
            throw new InvalidInput("upTo", "blank");
        }
        // Browsers count in milliseconds, timelines in microseconds: the millisecond named covers all of itself.
        var upTo = seen.upTo().truncatedTo(ChronoUnit.MILLIS).plus(999, ChronoUnit.MICROS);
        threads.find(visitor.workspace(), TicketChannel.CHAT, visitor.threadId())
                .ifPresent(thread -> receipts.readByCustomer(visitor.workspace(), thread.ticket(), upTo));
    }

    /**
     * The public messages of the visitor's chat ticket, oldest first (the last {@value #HISTORY_SIZE}),
     * answered to this subscription alone: internal notes and changes never leave.
     */
    @SubscribeMapping("/chat.history")
    List<ChatFrames.Earlier> history(Principal principal) {
        var visitor = (ChatVisitor) principal;
        return threads.find(visitor.workspace(), TicketChannel.CHAT, visitor.threadId())
                .map(thread -> tickets.latestMessages(visitor.workspace(), thread.ticket(), HISTORY_SIZE))
                .orElse(List.of()).stream()
                .map(ChatFrames.Earlier::from)
                .toList();
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
        messaging.convertAndSendToUser(principal.getName(), OWN_QUEUE, ChatFrames.ToVisitor.error(clientId, code));
    }

    private void answer(ChatVisitor visitor, ChatFrames.ToVisitor frame) {
        messaging.convertAndSendToUser(visitor.getName(), OWN_QUEUE, frame);
    }
}
