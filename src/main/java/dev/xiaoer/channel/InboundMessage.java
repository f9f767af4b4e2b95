package dev.xiaoer.channel;

import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.ticket.TicketChannel;
import java.util.Objects;

/**
 * A customer's message as any channel delivers it, before it is filed on a ticket.
 *
 * @param channel          where it came in
 * @param from             who sent it, as that channel knows them
 * @param fromName         the sender's display name, if the channel has one
 * @param subject          optional; made from the first line of the body when absent
 * @param body             the text
 * @param externalThreadId the conversation it belongs to on the channel's side (an e-mail thread, a
 *                         shop's conversation id); messages of one thread go to one ticket
 */
public record InboundMessage(TicketChannel channel, ChannelIdentity from, String fromName, String subject,
                             String body, String externalThreadId) {

    public static final int MAX_THREAD_ID = 200;

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
    }
}
