package dev.xiaoer.automation;

import dev.xiaoer.kernel.BusinessException;

/** Another canned reply of the workspace already has this title or this shortcut. */
public class CannedReplyTaken extends BusinessException {

    private final String field;

    private CannedReplyTaken(String field, String value) {
        super("canned-reply-" + field + "-taken", Kind.CONFLICT, "A canned reply with this " + field + " exists",
                value);
        this.field = field;
    }

    public static CannedReplyTaken title(String title) {
        return new CannedReplyTaken("title", title);
    }

    public static CannedReplyTaken shortcut(String shortcut) {
        return new CannedReplyTaken("shortcut", shortcut);
    }

    /** The field of the draft that collides: {@code title} or {@code shortcut}. */
    public String field() {
        return field;
    }
}
