package dev.xiaoer.channel.chat;

import dev.xiaoer.channel.InboundMessage;
import dev.xiaoer.channel.InboundMessages;
import dev.xiaoer.channel.InboundResult;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a visitor's message once per client id, whether it came over STOMP or with a photo. The usual
 * case, a message on a chat that is already going, is one transaction: the message is added to the
 * ticket and its client id claimed as filed, committed together, so a failure leaves no claim behind;
 * a resend of the same id finds the claim (waiting for the first send's commit if need be), rolls its
 * own filing back and gets the first one's answer. A visitor's first message (which opens a ticket,
 * outside any transaction) claims first and files after.
 */
@Component
class ChatFiling {

    /** What became of a send: filed now, or sent before (with the ticket it went to, once known). */
    sealed interface Outcome {
    }

    record Filed(InboundResult result) implements Outcome {
    }

    record SentBefore(Optional<Long> ticketNumber) implements Outcome {
    }

    /**
     * One visitor's messages are filed one after another, in the order they arrived (fair locks): they
     * all lock the same ticket, so side by side they would only wait for each other, each holding one
     * of the pool's database connections. The lock is taken before any connection. Visitors share a
     * stripe now and then, which only makes one wait a moment for another.
     */
    private final ReentrantLock[] stripes = new ReentrantLock[512];
    private final ChatClientMessages clientMessages;
    private final InboundMessages inbound;
    private final WorkspaceManagement workspaces;
    private final MessageSource texts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ChatFiling(ChatClientMessages clientMessages, InboundMessages inbound, WorkspaceManagement workspaces,
               MessageSource texts, PlatformTransactionManager transactions, Clock clock) {
        this.clientMessages = clientMessages;
        this.inbound = inbound;
        this.workspaces = workspaces;
        this.texts = texts;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        for (var i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    Outcome file(ChatVisitor visitor, String clientId, String text) {
        var turn = stripes[Math.floorMod(visitor.getName().hashCode(), stripes.length)];
        turn.lock();
        try {
            return fileInTurn(visitor, clientId, text);
        } finally {
            turn.unlock();
        }
    }

    private Outcome fileInTurn(ChatVisitor visitor, String clientId, String text) {
        var ongoing = transaction.execute(status -> {
            var filed = inbound.continueThread(visitor.workspace(), TicketChannel.CHAT, visitor.threadId(), text);
            if (filed.isEmpty()) {
                return null;
            }
            if (!clientMessages.claim(visitor, clientId, filed.get().number(), clock.instant())) {
                status.setRollbackOnly();
                return (Outcome) new SentBefore(clientMessages.ticketNumber(visitor, clientId));
            }
            return (Outcome) new Filed(filed.get());
        });
        return ongoing != null ? ongoing : fileFirst(visitor, clientId, text);
    }

    /** The visitor's first message: it opens their chat ticket, once its client id's claim is committed. */
    private Outcome fileFirst(ChatVisitor visitor, String clientId, String text) {
        if (!clientMessages.claim(visitor, clientId, null, clock.instant())) {
            return new SentBefore(clientMessages.ticketNumber(visitor, clientId));
        }
        try {
            var filed = inbound.receive(visitor.workspace(), new InboundMessage(TicketChannel.CHAT, visitor.identity(),
                    nameOf(visitor), null, text, visitor.threadId()));
            clientMessages.filed(visitor, clientId, filed.number());
            return new Filed(filed);
        } catch (RuntimeException notFiled) {
            clientMessages.release(visitor, clientId);
            throw notFiled;
        }
    }

    /** How the team sees a visitor until they know their name, in the workspace's language. */
    private String nameOf(ChatVisitor visitor) {
        var language = workspaces.get(visitor.workspace()).defaultLanguage();
        return visitor.userId() == null
                ? texts.getMessage("chat.visitor-name", new Object[] {visitor.visitorId().substring(0, 6)}, language)
                : texts.getMessage("chat.user-name", new Object[] {visitor.userId()}, language);
    }
}
