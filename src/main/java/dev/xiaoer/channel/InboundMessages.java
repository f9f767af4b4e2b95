package dev.xiaoer.channel;

import dev.xiaoer.channel.infra.ThreadRows;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.customer.CustomerMerged;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.ticket.NewMessage;
import dev.xiaoer.ticket.NewTicket;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.ticket.TicketChannel;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Files inbound customer messages from any channel: finds or creates the customer by their channel
 * identity, continues the ticket of the message's thread if the thread has one, and otherwise opens
 * a ticket. A message to a thread whose ticket was closed starts a follow-up ticket, and the thread
 * continues there.
 * <p>
 * Runs outside a transaction on purpose: each step commits on its own, so no request holds one
 * database connection while the ticket module takes another for the ticket number.
 */
@Service
public class InboundMessages {

    private final CustomerManagement customers;
    private final TicketManagement tickets;
    private final ThreadRows threads;
    private final Clock clock;

    InboundMessages(CustomerManagement customers, TicketManagement tickets, ThreadRows threads, Clock clock) {
        this.customers = customers;
        this.tickets = tickets;
        this.threads = threads;
        this.clock = clock;
    }

    public InboundResult receive(WorkspaceId workspace, InboundMessage inbound) {
        var message = normalise(inbound);
        var sender = customers.findOrCreate(workspace, message.from(), message.fromName());
        var customer = sender.id();
        var actor = Actor.customer(workspace, customer.value(), sender.name());
        var threadId = message.externalThreadId();
        if (threadId != null) {
            var thread = threads.find(workspace, message.channel(), threadId)
                    .filter(known -> known.customer().equals(customer));
            if (thread.isPresent()) {
                var result = tickets.reply(actor, thread.get().ticket(),
                        NewMessage.fromCustomer(message.body()).via(message.channel()));
                if (!result.ticket().equals(thread.get().ticket())) {
                    threads.move(workspace, message.channel(), threadId, result.ticket(), clock.instant());
                }
                return new InboundResult(result.ticket(), result.number(), result.followUpOf() != null,
                        result.followUpOf(), customer, result.withAssistant());
            }
        }
        var ticket = tickets.create(actor, NewTicket.fromCustomer(customer, message.subject(), message.body())
                .via(message.channel()));
        if (threadId != null && !threads.claim(workspace, message.channel(), threadId, customer, ticket.id(),
                clock.instant())) {
            // Another first message of this thread was filed at the same moment: fold this ticket into that one.
            var winner = threads.find(workspace, message.channel(), threadId)
                    .filter(known -> known.customer().equals(customer));
            if (winner.isPresent()) {
                var merged = tickets.merge(Actor.system(workspace), ticket.id(), winner.get().ticket());
                return new InboundResult(merged.id(), merged.number(), false, null, customer,
                        tickets.withAssistant(workspace, merged.id()));
            }
        }
        return new InboundResult(ticket.id(), ticket.number(), true, null, customer,
                tickets.withAssistant(workspace, ticket.id()));
    }

    /**
     * Continues a thread that is already filed on a ticket, inside the caller's transaction (one commit
     * for the whole message, which matters for chat, where messages come many a second): the thread's
     * customer writes on the thread's ticket. Empty when the thread has no ticket yet; then
     * {@link #receive} files the message (it opens tickets outside any transaction). A thread whose
     * ticket was closed continues on a follow-up as with {@code receive}.
     */
    public Optional<InboundResult> continueThread(WorkspaceId workspace, TicketChannel channel, String threadId,
                                                  String text) {
        var body = body(text);
        return threads.find(workspace, channel, threadId).map(thread -> {
            var name = customers.names(workspace, List.of(thread.customer())).get(thread.customer());
            var actor = Actor.customer(workspace, thread.customer().value(), name);
            var result = tickets.reply(actor, thread.ticket(), NewMessage.fromCustomer(body).via(channel));
            if (!result.ticket().equals(thread.ticket())) {
                threads.move(workspace, channel, threadId, result.ticket(), clock.instant());
            }
            return new InboundResult(result.ticket(), result.number(), result.followUpOf() != null,
                    result.followUpOf(), thread.customer(), result.withAssistant());
        });
    }

    /** Threads follow their customer when two customer profiles are merged. */
    @ApplicationModuleListener
    void on(CustomerMerged merged) {
        threads.changeCustomer(merged.workspace(), merged.source(), merged.target());
    }

    private static String body(String text) {
        var body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidInput("body", "text-required");
        }
        if (body.length() > TicketManagement.MAX_BODY_LENGTH) {
            throw new InvalidInput("body", "text-too-long", TicketManagement.MAX_BODY_LENGTH);
        }
        return body;
    }

    private static InboundMessage normalise(InboundMessage message) {
        var body = body(message.body());
        var subject = message.subject() == null || message.subject().isBlank() ? subjectFrom(body)
                : message.subject().strip();
        if (subject.length() > TicketManagement.MAX_SUBJECT_LENGTH) {
            throw new InvalidInput("subject", "text-too-long", TicketManagement.MAX_SUBJECT_LENGTH);
        }
        var thread = message.externalThreadId() == null || message.externalThreadId().isBlank() ? null
                : message.externalThreadId().strip();
        if (thread != null && thread.length() > InboundMessage.MAX_THREAD_ID) {
            throw new InvalidInput("externalThreadId", "text-too-long", InboundMessage.MAX_THREAD_ID);
        }
        var name = message.fromName() == null || message.fromName().isBlank() ? null : message.fromName().strip();
        return new InboundMessage(message.channel(), message.from(), name, subject, body, thread);
    }

    /** Chat and WeChat messages have no subject: the first line of the text stands in for one. */
    private static String subjectFrom(String body) {
        var firstLine = body.lines().findFirst().orElse("").strip();
        var limit = 80;
        return firstLine.length() <= limit ? firstLine : firstLine.substring(0, limit - 1).strip() + "…";
    }
}
