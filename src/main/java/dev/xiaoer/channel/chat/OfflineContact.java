package dev.xiaoer.channel.chat;

import dev.xiaoer.channel.InboundResult;
import dev.xiaoer.channel.infra.ThreadRows;
import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.CustomerChanges;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.customer.IdentityAlreadyInUse;
import dev.xiaoer.customer.IdentityType;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mail address or phone number a visitor leaves with their message when nobody of the team is
 * online. The address becomes where answers are e-mailed while the visitor is away (on their chat
 * thread: it is what they typed, unverified, so it never joins them to another customer who has it);
 * either fills the customer's empty e-mail or phone; and a note tells the team what was left.
 */
@Component
class OfflineContact {

    private final CustomerManagement customers;
    private final ThreadRows threads;
    private final TicketManagement tickets;
    private final WorkspaceManagement workspaces;
    private final MessageSource texts;

    OfflineContact(CustomerManagement customers, ThreadRows threads, TicketManagement tickets,
                   WorkspaceManagement workspaces, MessageSource texts) {
        this.customers = customers;
        this.threads = threads;
        this.tickets = tickets;
        this.workspaces = workspaces;
        this.texts = texts;
    }

    /** An e-mail address (it has an @) or a phone number; blank is none; anything else is refused. */
    static Optional<ChannelIdentity> parse(String contact) {
        if (contact == null || contact.isBlank()) {
            return Optional.empty();
        }
        var type = contact.contains("@") ? IdentityType.EMAIL : IdentityType.PHONE;
        try {
            return Optional.of(ChannelIdentity.parse("contact", type, contact.strip()));
        } catch (InvalidInput invalid) {
            throw new InvalidInput("contact", "invalid-contact");
        }
    }

    /** Records what the visitor left, once their message is filed. */
    void record(ChatVisitor visitor, InboundResult filed, ChannelIdentity contact) {
        var workspace = visitor.workspace();
        var customer = customers.get(workspace, filed.customer());
        var email = contact.type() == IdentityType.EMAIL;
        var free = email ? customer.email() == null : customer.phone() == null;
        if (free) {
            try {
                customers.update(workspace, filed.customer(), email
                        ? new CustomerChanges(null, contact.value(), null, null, null, null, null)
                        : new CustomerChanges(null, null, contact.value(), null, null, null, null));
            } catch (IdentityAlreadyInUse someoneElses) {
                // Another customer has it: the visitor is not made that customer on their word alone.
            }
        }
        if (email) {
            threads.replyByEmail(workspace, TicketChannel.CHAT, visitor.threadId(), contact.value());
        }
        var language = workspaces.get(workspace).defaultLanguage();
        tickets.note(Actor.system(workspace), filed.ticket(), texts.getMessage(
                email ? "chat.offline.note.email" : "chat.offline.note.phone", new Object[] {contact.value()}, language));
    }
}
