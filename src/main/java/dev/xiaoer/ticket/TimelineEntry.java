package dev.xiaoer.ticket;

import dev.xiaoer.identity.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened on a ticket, with who did it and when. Which parts are present depends on
 * {@link #kind()}: {@code body} for messages and notes, {@code change} for field, status, tag and
 * assignment changes, {@code attachment} for uploads, {@code relatedTicket} for merges and follow-ups.
 * Entries that came from another ticket by a merge carry {@code mergedFromNumber}.
 */
public record TimelineEntry(UUID id, TicketId ticket, TimelineEntryKind kind, Author author, Instant at,
                            String body, Change change, AttachmentInfo attachment, TicketLink relatedTicket,
                            Long mergedFromNumber) {

    /** Who made the entry, as they were named at the time. */
    public record Author(Actor.Type type, UUID id, String name) {

        public static Author of(Actor actor) {
            return new Author(actor.type(), actor.id(), actor.name());
        }
    }

    /**
     * A value that changed. {@code from}/{@code to} are the stored values (ids, lower-case enum
     * names, text); {@code fromLabel}/{@code toLabel} are display names where the value is an id.
     */
    public record Change(String field, String from, String to, String fromLabel, String toLabel) {
    }

    public boolean isPublic() {
        return kind.isPublic();
    }
}
