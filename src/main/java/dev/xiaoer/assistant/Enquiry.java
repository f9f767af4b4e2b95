package dev.xiaoer.assistant;

import dev.xiaoer.workspace.WorkspaceId;
import java.util.Objects;

/**
 * A customer's message put to the assistant.
 *
 * @param conversation what ties the messages of one conversation together (a chat ticket's id, an
 *                     e-mail thread): the assistant counts unhelpful answers per conversation
 * @param channel      where the message came from ({@code chat}, {@code api}, ...), for analytics
 */
public record Enquiry(WorkspaceId workspace, String conversation, String channel, String text) {

    public static final int MAX_CONVERSATION = 200;

    public Enquiry {
        Objects.requireNonNull(workspace, "workspace");
        conversation = conversation == null || conversation.isBlank() ? null : conversation.strip();
        channel = channel == null || channel.isBlank() ? "api" : channel;
        text = text == null ? "" : text;
    }
}
