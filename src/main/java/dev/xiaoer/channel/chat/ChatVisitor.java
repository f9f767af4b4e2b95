package dev.xiaoer.channel.chat;

import dev.xiaoer.workspace.WorkspaceId;
import java.security.Principal;
import java.util.regex.Pattern;

/**
 * A visitor of a merchant's site, connected to the chat widget: known by the id their browser keeps.
 * The principal's name addresses their private destinations ({@code /user/queue/chat}).
 */
record ChatVisitor(WorkspaceId workspace, String visitorId) implements Principal {

    static final String THREAD_PREFIX = "visitor:";

    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    static boolean isValidId(String visitorId) {
        return visitorId != null && VISITOR_ID.matcher(visitorId).matches();
    }

    /** The thread all of this visitor's chat messages belong to on the channel's side. */
    String threadId() {
        return THREAD_PREFIX + visitorId;
    }

    @Override
    public String getName() {
        return workspace.value() + ":" + visitorId;
    }
}
