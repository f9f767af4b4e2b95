package dev.xiaoer.ticket.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.ticket.AttachmentInfo;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketLink;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.ticket.TimelineEntry;
import dev.xiaoer.ticket.TimelineEntryKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of tickets, timeline entries and attachments, and their explicit mappers. */
final class TicketJson {

    private TicketJson() {
    }

    @Schema(name = "Ticket")
    record TicketResponse(
            UUID id,
            @Schema(example = "1042") long number,
            @Schema(example = "桃子到货时已经坏了 / Peaches arrived spoiled") String subject,
            TicketStatus status, TicketType type, TicketPriority priority, TicketChannel channel,
            Party requester,
            @Schema(nullable = true) Party assignee,
            @Schema(nullable = true) Party team,
            @Schema(example = "[\"fresh-fruit\", \"vip\"]") List<String> tags,
            @Schema(description = "Custom field values by key: text and single-select as strings, numbers as numbers, dates as yyyy-MM-dd",
                    example = "{\"order_number\": \"88123\", \"delivery_date\": \"2026-11-20\"}")
            Map<String, Object> customFields,
            @Schema(nullable = true, description = "The closed ticket this one follows up") TicketRef followUpOf,
            @Schema(nullable = true, description = "The ticket this one was merged into") TicketRef mergedInto,
            Instant createdAt, Instant updatedAt,
            @Schema(nullable = true) Instant solvedAt,
            @Schema(nullable = true) Instant closedAt,
            @Schema(description = "Grows with every change; sent as the ETag", example = "3") long version) {

        static TicketResponse from(TicketView ticket) {
            return new TicketResponse(ticket.id().value(), ticket.number(), ticket.subject(), ticket.status(),
                    ticket.type(), ticket.priority(), ticket.channel(),
                    new Party(ticket.requester().value(), ticket.requesterName()),
                    ticket.assignee() == null ? null : new Party(ticket.assignee().value(), ticket.assigneeName()),
                    ticket.team() == null ? null : new Party(ticket.team().value(), ticket.teamName()),
                    ticket.tags(), ticket.customFields(), TicketRef.from(ticket.followUpOf()),
                    TicketRef.from(ticket.mergedInto()), ticket.createdAt(), ticket.updatedAt(), ticket.solvedAt(),
                    ticket.closedAt(), ticket.version());
        }
    }

    /** A person or team referred to by a ticket. */
    record Party(UUID id, @Schema(example = "王芳") String name) {
    }

    record TicketRef(UUID id, @Schema(example = "1041") long number) {

        static TicketRef from(TicketLink link) {
            return link == null ? null : new TicketRef(link.id().value(), link.number());
        }
    }

    @Schema(name = "TimelineEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TimelineEntryResponse(
            UUID id, UUID ticketId, TimelineEntryKind kind,
            @Schema(description = "Internal entries are never shown to the customer") boolean internal,
            Author author, Instant createdAt,
            @Schema(description = "Text of a message or note") String body,
            @Schema(description = "What changed, for field, status, tag and assignment entries") Change change,
            AttachmentResponse attachment,
            @Schema(description = "The other ticket of a merge or follow-up") TicketRef relatedTicket,
            @Schema(description = "Set on entries copied from a ticket merged into this one: that ticket's number")
            Long mergedFromNumber) {

        static TimelineEntryResponse from(TimelineEntry entry) {
            var change = entry.change();
            return new TimelineEntryResponse(entry.id(), entry.ticket().value(), entry.kind(), !entry.isPublic(),
                    new Author(entry.author().type(), entry.author().id(), entry.author().name()), entry.at(),
                    entry.body(), change == null ? null
                            : new Change(change.field(), change.from(), change.to(), change.fromLabel(), change.toLabel()),
                    AttachmentResponse.from(entry.attachment()), TicketRef.from(entry.relatedTicket()),
                    entry.mergedFromNumber());
        }
    }

    record Author(Actor.Type type, UUID id, @Schema(example = "李娜") String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(@Schema(example = "status") String field, @Schema(example = "open") String from,
                  @Schema(example = "solved") String to, String fromLabel, String toLabel) {
    }

    @Schema(name = "Attachment")
    record AttachmentResponse(UUID id, @Schema(example = "spoiled-peaches.jpg") String fileName,
                              @Schema(example = "image/jpeg") String contentType,
                              @Schema(example = "482113") long size, Instant createdAt) {

        static AttachmentResponse from(AttachmentInfo info) {
            return info == null ? null
                    : new AttachmentResponse(info.id(), info.fileName(), info.contentType(), info.size(), info.createdAt());
        }
    }
}
