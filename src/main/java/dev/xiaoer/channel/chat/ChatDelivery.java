package dev.xiaoer.channel.chat;

import dev.xiaoer.kernel.AfterCommit;
import dev.xiaoer.ticket.AttachmentAdded;
import dev.xiaoer.ticket.MessageAdded;
import dev.xiaoer.ticket.MessageAuthor;
import dev.xiaoer.ticket.SelfServiceLinks;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends the service team's public answers on a chat ticket to the visitor whose chat it is, once
 * the answer is committed. Internal notes never leave.
 * <p>
 * It looks up whom to send to inside the answer's own transaction, on the connection that is
 * already open, and only pushes after the commit: a lookup after the commit would need a second
 * connection while the first is still held, and under load every request would wait for one. It
 * is a plain listener rather than a transactional one so that Spring Modulith does not record a
 * publication for every message of every channel.
 */
@Component
class ChatDelivery {

    private final ChatRecipients recipients;
    private final TicketManagement tickets;
    private final SelfServiceLinks links;

    ChatDelivery(ChatRecipients recipients, TicketManagement tickets, SelfServiceLinks links) {
        this.recipients = recipients;
        this.tickets = tickets;
        this.links = links;
    }

    @EventListener
    void deliver(MessageAdded added) {
        if (added.channel() != TicketChannel.CHAT || added.internal() || added.author() != MessageAuthor.AGENT) {
            return;
        }
        var visitors = recipients.of(added.workspace(), added.ticket());
        var entry = visitors.isEmpty() ? null : tickets.publicEntry(added.workspace(), added.message()).orElse(null);
        if (entry == null) {
            return;
        }
        var frame = ChatFrames.ToVisitor.message(entry.id(), entry.author().name(), entry.body(), entry.at());
        AfterCommit.run(() -> recipients.send(visitors, frame));
    }

    /** A file the team attached to a chat (a photo of the replacement, a return label) reaches the visitor as a link. */
    @EventListener
    void deliver(AttachmentAdded added) {
        if (added.channel() != TicketChannel.CHAT || added.author() != MessageAuthor.AGENT) {
            return;
        }
        var visitors = recipients.of(added.workspace(), added.ticket());
        var ticket = visitors.isEmpty() ? null : tickets.find(added.workspace(), added.ticket()).orElse(null);
        if (ticket == null) {
            return;
        }
        var file = added.attachment();
        var url = links.link(added.workspace(), ticket.id(), ticket.requester()) + "/attachments/" + file.id();
        var frame = ChatFrames.File.of(file.id(), added.authorName(), file.fileName(), file.contentType(), url,
                added.at());
        AfterCommit.run(() -> recipients.send(visitors, frame));
    }
}
