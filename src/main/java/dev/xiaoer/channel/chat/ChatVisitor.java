package dev.xiaoer.channel.chat;

import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.IdentityType;
import dev.xiaoer.workspace.WorkspaceId;
import java.security.Principal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A visitor of a merchant's site, connected to the chat widget: known by the id their browser keeps,
 * and, when the merchant vouches for them (see {@link VisitorIdentity}), by the shop's user id.
 * An identified visitor's chat continues on any device, so all of their connections share one
 * principal name, which addresses their private destinations ({@code /user/queue/chat}).
 *
 * @param userId the shop's id for the signed-in shopper; {@code null} for an anonymous visitor
 */
record ChatVisitor(WorkspaceId workspace, String visitorId, String userId) implements Principal {

    static final String THREAD_PREFIX = "visitor:";
    static final String USER_THREAD_PREFIX = "user:";

    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    static boolean isValidId(String visitorId) {
        return visitorId != null && VISITOR_ID.matcher(visitorId).matches();
    }

    /** The principal name of the visitor a chat thread belongs to, if it is a chat visitor's thread. */
    static Optional<String> nameOfThread(WorkspaceId workspace, String threadId) {
        if (threadId.startsWith(THREAD_PREFIX)) {
            return Optional.of(workspace.value() + ":" + threadId.substring(THREAD_PREFIX.length()));
        }
        if (threadId.startsWith(USER_THREAD_PREFIX)) {
            return Optional.of(workspace.value() + ":" + threadId);
        }
        return Optional.empty();
    }

    /** How the customer module knows this visitor: the shop's user id, or the browser's visitor id. */
    ChannelIdentity identity() {
        return userId == null ? new ChannelIdentity(IdentityType.CHAT_VISITOR, visitorId)
                : new ChannelIdentity(IdentityType.EXTERNAL, userId);
    }

    /** The thread all of this visitor's chat messages belong to on the channel's side. */
    String threadId() {
        return userId == null ? THREAD_PREFIX + visitorId : USER_THREAD_PREFIX + userId;
    }

    /** Visitor ids hold no colon, so {@code <workspace>:user:<id>} never names an anonymous visitor. */
    @Override
    public String getName() {
        return nameOfThread(workspace, threadId()).orElseThrow();
    }
}
