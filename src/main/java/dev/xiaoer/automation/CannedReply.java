package dev.xiaoer.automation;

import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;

/** A canned reply as other modules and the API see it; {@code texts} in the order they were written. */
public record CannedReply(CannedReplyId id, WorkspaceId workspace, String title, String shortcut,
                          List<CannedReplyText> texts, Instant createdAt, Instant updatedAt) {

    public CannedReply {
        texts = List.copyOf(texts);
    }
}
