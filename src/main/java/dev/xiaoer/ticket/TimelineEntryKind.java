package dev.xiaoer.ticket;

/** What a timeline entry records. */
public enum TimelineEntryKind {
    /** A public message between customer and service team. */
    MESSAGE,
    /** An internal note, never shown to the customer. */
    NOTE,
    /** A field changed: subject, type, priority, requester or a custom field. */
    FIELD_CHANGE,
    /** The assignee or the team changed. */
    ASSIGNMENT,
    STATUS_CHANGE,
    TAGS_CHANGE,
    ATTACHMENT,
    /** This ticket was merged into another, or another into this one. */
    MERGE,
    /** A message to this closed ticket started a follow-up ticket. */
    FOLLOW_UP;

    /** Whether the customer may see entries of this kind, for example on their self-service page. */
    public boolean isPublic() {
        return this == MESSAGE || this == STATUS_CHANGE || this == ATTACHMENT;
    }
}
