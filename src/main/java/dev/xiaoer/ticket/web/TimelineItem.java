package dev.xiaoer.ticket.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.ticket.AttachmentInfo;
import dev.xiaoer.ticket.TimelineEntry;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;

/**
 * A timeline entry as the pages show it: a message bubble (customer, agent reply, internal note) or
 * a small event line, with every value already in the reader's language. Texts stay plain text:
 * templates print them with {@code th:text}, never as markup.
 *
 * @param style  {@code customer}, {@code agent}, {@code note}, {@code event}, {@code attachment},
 *               {@code merge} or {@code follow-up}
 * @param action what happened, for event lines ("changed the priority")
 * @param from   the value before, for changes; {@code null} when there is none to show
 * @param to     the value after, for changes
 */
public record TimelineItem(UUID id, String style, String icon, String authorName, boolean fromCustomer, Instant at,
                           String body, String action, String from, String to, AttachmentInfo attachment,
                           Long relatedNumber, Long mergedFromNumber) {

    private static final Set<String> ENUM_FIELDS = Set.of("status", "priority", "type");
    /** Photos browsers show by themselves; HEIC from iPhones and BMP are offered as downloads only. */
    private static final Set<String> PREVIEWABLE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** Whether the attachment is a photo to show in the timeline (a damaged parcel, say). */
    public boolean previewable() {
        return attachment != null && PREVIEWABLE.contains(attachment.contentType());
    }

    public String initials() {
        var name = authorName == null ? "" : authorName.strip();
        return name.isEmpty() ? "?" : new String(Character.toChars(name.codePointAt(0))).toUpperCase(Locale.ROOT);
    }

    public boolean isMessage() {
        return style.equals("customer") || style.equals("agent") || style.equals("note");
    }

    /** The size of an attachment as people read it: "240 KB". */
    public String attachmentSize() {
        if (attachment == null) {
            return "";
        }
        var bytes = attachment.size();
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static TimelineItem of(TimelineEntry entry, MessageSource messages, Locale locale) {
        var author = entry.author();
        var fromCustomer = author != null && author.type() == Actor.Type.CUSTOMER;
        var name = author == null || author.type() == Actor.Type.SYSTEM || author.name() == null
                ? messages.getMessage("ticket.author.system", null, locale) : author.name();
        return switch (entry.kind()) {
            case MESSAGE -> message(entry, fromCustomer ? "customer" : "agent", name, fromCustomer);
            case NOTE -> message(entry, "note", name, false);
            case ATTACHMENT -> new TimelineItem(entry.id(), "attachment", "paperclip", name, fromCustomer, entry.at(),
                    null, messages.getMessage("ticket.event.attachment", null, locale), null, null,
                    entry.attachment(), null, entry.mergedFromNumber());
            case MERGE -> {
                var into = entry.change() != null && "mergedInto".equals(entry.change().field());
                yield new TimelineItem(entry.id(), "merge", "git-merge", name, false, entry.at(), null,
                        messages.getMessage(into ? "ticket.event.merged-into" : "ticket.event.merged-from", null, locale),
                        null, null, null, entry.relatedTicket() == null ? null : entry.relatedTicket().number(),
                        entry.mergedFromNumber());
            }
            case FOLLOW_UP -> new TimelineItem(entry.id(), "follow-up", "corner-down-right", name, false, entry.at(),
                    null, messages.getMessage("ticket.event.follow-up", null, locale), null, null, null,
                    entry.relatedTicket() == null ? null : entry.relatedTicket().number(), entry.mergedFromNumber());
            case FIELD_CHANGE, ASSIGNMENT, STATUS_CHANGE, TAGS_CHANGE -> change(entry, name, messages, locale);
        };
    }

    private static TimelineItem message(TimelineEntry entry, String style, String name, boolean fromCustomer) {
        return new TimelineItem(entry.id(), style, null, name, fromCustomer, entry.at(), entry.body(), null, null, null,
                null, null, entry.mergedFromNumber());
    }

    private static TimelineItem change(TimelineEntry entry, String name, MessageSource messages, Locale locale) {
        var change = entry.change();
        var field = change.field();
        var custom = field.startsWith("customFields.");
        var action = custom
                ? messages.getMessage("ticket.event.custom-field", new Object[] {field.substring("customFields.".length())},
                        locale)
                : messages.getMessage("ticket.event." + field, null, field, locale);
        return new TimelineItem(entry.id(), "event", icon(field), name, false, entry.at(), null, action,
                value(field, change.from(), change.fromLabel(), messages, locale),
                value(field, change.to(), change.toLabel(), messages, locale), null, null, entry.mergedFromNumber());
    }

    private static String value(String field, String stored, String label, MessageSource messages, Locale locale) {
        if (label != null) {
            return label;
        }
        if (stored == null || stored.isBlank()) {
            return messages.getMessage("ticket.event.none", null, locale);
        }
        if (ENUM_FIELDS.contains(field)) {
            return messages.getMessage("ticket." + field + "." + stored, null, stored, locale);
        }
        if (field.equals("assignee") || field.equals("team") || field.equals("requester")) {
            // An id without a name: whoever it was is gone from the workspace.
            return messages.getMessage("ticket.event.unknown", null, locale);
        }
        return stored;
    }

    private static String icon(String field) {
        return switch (field) {
            case "status" -> "circle-dot";
            case "priority" -> "flag";
            case "type" -> "category";
            case "assignee" -> "user-check";
            case "team" -> "users-group";
            case "tags" -> "tag";
            case "subject" -> "pencil";
            case "requester" -> "user";
            default -> "forms";
        };
    }
}
