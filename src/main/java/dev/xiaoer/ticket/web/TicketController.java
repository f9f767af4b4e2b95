package dev.xiaoer.ticket.web;

import dev.xiaoer.agent.TeamId;
import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.CustomerId;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.UserId;
import dev.xiaoer.kernel.CursorPage;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.ticket.MessageAuthor;
import dev.xiaoer.ticket.NewMessage;
import dev.xiaoer.ticket.NewTicket;
import dev.xiaoer.ticket.Requester;
import dev.xiaoer.ticket.SelfServiceLinks;
import dev.xiaoer.ticket.TicketChanges;
import dev.xiaoer.ticket.TicketChannel;
import dev.xiaoer.ticket.TicketFilter;
import dev.xiaoer.ticket.TicketId;
import dev.xiaoer.ticket.TicketManagement;
import dev.xiaoer.ticket.TicketPriority;
import dev.xiaoer.ticket.TicketStatus;
import dev.xiaoer.ticket.TicketType;
import dev.xiaoer.ticket.TicketView;
import dev.xiaoer.ticket.web.TicketJson.TicketRef;
import dev.xiaoer.ticket.web.TicketJson.TicketResponse;
import dev.xiaoer.ticket.web.TicketJson.TimelineEntryResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets", description = "Tickets, their messages, notes and timeline")
class TicketController {

    private static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final TicketManagement tickets;
    private final SelfServiceLinks links;

    TicketController(TicketManagement tickets, SelfServiceLinks links) {
        this.tickets = tickets;
        this.links = links;
    }

    // --- requests ---------------------------------------------------------------------------------

    @Schema(description = "Who the ticket is for: an existing customer by id, or by e-mail or phone (found, or created with the name)")
    record RequesterRequest(
            @Schema(nullable = true) UUID customerId,
            @Schema(example = "wang.fang@example.com") @Email @Size(max = 254) String email,
            @Schema(example = "+86 138 0013 8000") @Size(max = 40) String phone,
            @Schema(example = "王芳") @Size(max = 200) String name) {
    }

    record CreateTicketRequest(
            @Schema(example = "桃子到货时已经坏了") @NotBlank @Size(max = 200) String subject,
            @Schema(description = "The first message", example = "昨天收到的水果礼盒里有一半桃子已经坏了，附上照片。")
            @NotBlank @Size(max = 20_000) String body,
            @NotNull @Valid RequesterRequest requester,
            @Schema(description = "Who wrote the first message; default customer") MessageAuthor author,
            @Schema(description = "Default inquiry") TicketType type,
            @Schema(description = "Default normal") TicketPriority priority,
            @Schema(description = "Where the ticket came from; default api") TicketChannel channel,
            @Schema(nullable = true) UUID assignee,
            @Schema(nullable = true) UUID team,
            @Schema(example = "[\"fresh-fruit\"]") List<String> tags,
            @Schema(description = "Values by custom field key", example = "{\"order_number\": \"88123\"}")
            Map<String, JsonNode> customFields) {
    }

    /**
     * {@code assignee} and {@code team} are read as JSON nodes so that leaving them out (no change)
     * differs from sending {@code null} (unassign).
     */
    record UpdateTicketRequest(
            @Size(max = 200) String subject,
            TicketType type, TicketPriority priority, TicketStatus status,
            @Schema(type = "string", format = "uuid", nullable = true, description = "An agent of the workspace, or null to unassign")
            JsonNode assignee,
            @Schema(type = "string", format = "uuid", nullable = true, description = "A team, or null for none")
            JsonNode team,
            @Schema(description = "Replaces all tags", example = "[\"fresh-fruit\", \"refund\"]") List<String> tags,
            @Schema(description = "Values by custom field key; null clears a field", example = "{\"delivery_date\": \"2026-11-20\"}")
            Map<String, JsonNode> customFields) {
    }

    record MessageRequest(
            @Schema(example = "非常抱歉！我们已为您安排退款，款项将在 1–3 个工作日内退回。") @NotBlank @Size(max = 20_000) String body,
            @Schema(description = "agent (default): a reply from the caller; customer: an integration relaying the customer's words")
            MessageAuthor author,
            @Schema(description = "Status to set after the reply, e.g. pending", nullable = true) TicketStatus status) {
    }

    record NoteRequest(@Schema(example = "已联系物流，等待回复。") @NotBlank @Size(max = 20_000) String body) {
    }

    @Schema(name = "MergeTicketRequest")
    record MergeRequest(@Schema(description = "The ticket to merge this one into") @NotNull UUID into) {
    }

    record MessageResponse(
            TimelineEntryResponse entry,
            @Schema(description = "The ticket the message landed on: a follow-up when the original was closed") TicketState ticket,
            @Schema(nullable = true, description = "Set when the message started (or joined) a follow-up of this closed ticket")
            TicketRef followUpOf,
            @Schema(nullable = true, description = "Signed link for the customer to follow the ticket; on agent replies")
            URI selfServiceUrl) {
    }

    record TicketState(UUID id, long number, TicketStatus status, long version, Instant updatedAt) {
    }

    // --- endpoints --------------------------------------------------------------------------------

    @PostMapping
    @Operation(summary = "Open a ticket with its first message",
            description = "The requester is an existing customer (`customerId`) or is found or created by `email` or `phone`.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "spoiled fruit", value = """
                            {"subject": "桃子到货时已经坏了", "body": "昨天收到的水果礼盒里有一半桃子已经坏了。",
                             "requester": {"email": "wang.fang@example.com", "name": "王芳"},
                             "type": "after_sales", "priority": "high", "tags": ["fresh-fruit"]}"""))))
    @ApiResponse(responseCode = "201", description = "Created; ETag is the version")
    @ApiResponse(responseCode = "400", description = "Invalid input, naming the field", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<TicketResponse> create(Actor actor, @Valid @RequestBody CreateTicketRequest request) {
        var command = new NewTicket(request.subject(), request.body(), request.author(), requester(request.requester()),
                request.type(), request.priority(), request.channel(),
                request.assignee() == null ? null : new UserId(request.assignee()),
                request.team() == null ? null : new TeamId(request.team()),
                request.tags() == null ? null : new HashSet<>(request.tags()), customFields(request.customFields()));
        var ticket = tickets.create(actor, command);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticket.id())).eTag(etag(ticket))
                .body(TicketResponse.from(ticket));
    }

    @GetMapping
    @Operation(summary = "List tickets, most recently updated first",
            description = "Filters combine with AND. Pass `nextCursor` back as `cursor` for the next page.")
    CursorPage<TicketResponse> list(Actor actor,
            @Parameter(description = "One or more statuses") @RequestParam(required = false) List<TicketStatus> status,
            @Parameter(description = "An agent id, `me`, or `none` for unassigned tickets") @RequestParam(required = false) String assignee,
            @RequestParam(required = false) UUID team,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) TicketType type,
            @RequestParam(required = false) TicketPriority priority,
            @Parameter(description = "Only tickets of this customer") @RequestParam(required = false) UUID requester,
            @Parameter(description = "Only tickets updated at or after this instant", example = "2026-11-01T00:00:00Z")
            @RequestParam(name = "updated_since", required = false) Instant updatedSince,
            @Parameter(description = "Text in the subject, or a ticket number such as #1042") @RequestParam(required = false) String q,
            @Parameter(description = "1 to 100, default 25") @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        var filter = TicketFilter.all().withStatuses(status == null ? Set.of() : Set.copyOf(status))
                .withTeam(team == null ? null : new TeamId(team)).withTag(tag).withType(type).withPriority(priority)
                .withRequester(requester == null ? null : new CustomerId(requester)).updatedSince(updatedSince)
                .withText(q);
        filter = assigneeFilter(actor, filter, assignee);
        var page = tickets.list(actor.workspace(), filter, cursor, CursorPage.limit(limit));
        return new CursorPage<>(page.items().stream().map(TicketResponse::from).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One ticket", description = "The ETag header carries the version for a later If-Match.")
    ResponseEntity<TicketResponse> get(Actor actor, @PathVariable UUID id) {
        var ticket = tickets.get(actor.workspace(), new TicketId(id));
        return ResponseEntity.ok().eTag(etag(ticket)).body(TicketResponse.from(ticket));
    }

    @GetMapping("/by-number/{number}")
    @Operation(summary = "One ticket by its number (#1042)")
    ResponseEntity<TicketResponse> byNumber(Actor actor, @PathVariable long number) {
        var ticket = tickets.findByNumber(actor.workspace(), number).orElseThrow(() -> new NotFound("ticket", "#" + number));
        return ResponseEntity.ok().eTag(etag(ticket)).body(TicketResponse.from(ticket));
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON})
    @Operation(summary = "Change fields and status",
            description = "Only the fields present change; `assignee`/`team` set to null unassign. With `If-Match` "
                    + "(the ETag of a previous read) a ticket changed in between is refused with 412 and left as it is. "
                    + "Illegal status moves (e.g. open → closed) get 409 illegal-status-transition.")
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version")
    @ApiResponse(responseCode = "409", description = "Illegal status transition or closed ticket", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "412", description = "The ticket changed since the If-Match version", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<TicketResponse> update(Actor actor, @PathVariable UUID id,
            @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdateTicketRequest request) {
        var changes = TicketChanges.none().withSubject(request.subject()).withType(request.type())
                .withPriority(request.priority()).withStatus(request.status())
                .withTags(request.tags() == null ? null : new HashSet<>(request.tags()))
                .withCustomFields(customFields(request.customFields()));
        if (request.assignee() != null) {
            changes = changes.withAssignee(uuid(request.assignee(), "assignee").map(UserId::new).orElse(null));
        }
        if (request.team() != null) {
            changes = changes.withTeam(uuid(request.team(), "team").map(TeamId::new).orElse(null));
        }
        var ticket = tickets.update(actor, new TicketId(id), changes, expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(etag(ticket)).body(TicketResponse.from(ticket));
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Add a public message",
            description = "By default a reply from the caller, which returns the customer's self-service link. "
                    + "`\"author\": \"customer\"` records the requester's own words (for integrations) and reopens a "
                    + "solved or pending ticket. A message to a closed ticket starts a linked follow-up ticket.")
    @ApiResponse(responseCode = "201", description = "Added")
    ResponseEntity<MessageResponse> addMessage(Actor actor, @PathVariable UUID id,
                                               @Valid @RequestBody MessageRequest request) {
        var author = request.author() == null ? MessageAuthor.AGENT : request.author();
        var result = tickets.reply(actor, new TicketId(id),
                new NewMessage(request.body(), author, request.status(), null));
        var selfService = author == MessageAuthor.AGENT
                ? links.link(actor.workspace(), result.ticket(), result.requester()) : null;
        return ResponseEntity.status(HttpStatus.CREATED).body(new MessageResponse(
                TimelineEntryResponse.from(result.entry()),
                new TicketState(result.ticket().value(), result.number(), result.status(), result.version(),
                        result.updatedAt()),
                TicketRef.from(result.followUpOf()), selfService));
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Add an internal note", description = "Seen by the service team only.")
    @ApiResponse(responseCode = "201", description = "Added")
    ResponseEntity<TimelineEntryResponse> addNote(Actor actor, @PathVariable UUID id,
                                                  @Valid @RequestBody NoteRequest request) {
        var entry = tickets.note(actor, new TicketId(id), request.body());
        return ResponseEntity.status(HttpStatus.CREATED).body(TimelineEntryResponse.from(entry));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The ticket's timeline, oldest first",
            description = "Messages, notes, field and status changes, assignments, tags, attachments and merges, "
                    + "with who and when. Entries from a merged ticket carry `mergedFromNumber`.")
    CursorPage<TimelineEntryResponse> timeline(Actor actor, @PathVariable UUID id,
            @Parameter(description = "1 to 100, default 25") @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        var page = tickets.timeline(actor.workspace(), new TicketId(id), cursor, CursorPage.limit(limit));
        return new CursorPage<>(page.items().stream().map(TimelineEntryResponse::from).toList(), page.nextCursor());
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merge this ticket into another",
            description = "This ticket's timeline is joined into the other's, both get a merge entry, and this "
                    + "ticket is closed with a link to the other. Returns the ticket merged into.")
    @ApiResponse(responseCode = "400", description = "`into` is not a ticket of this workspace (unknown-ticket)",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<TicketResponse> merge(Actor actor, @PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        var target = tickets.merge(actor, new TicketId(id), new TicketId(request.into()));
        return ResponseEntity.ok().eTag(etag(target)).body(TicketResponse.from(target));
    }

    // --- mapping ----------------------------------------------------------------------------------

    private static Requester requester(RequesterRequest request) {
        var given = (request.customerId() != null ? 1 : 0) + (request.email() != null ? 1 : 0)
                + (request.phone() != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidInput("requester", "requester-needs-one-identity");
        }
        if (request.customerId() != null) {
            return Requester.customer(new CustomerId(request.customerId()));
        }
        try {
            var identity = request.email() != null ? ChannelIdentity.email(request.email())
                    : ChannelIdentity.phone(request.phone());
            return Requester.identity(identity, request.name());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(request.email() != null ? "requester.email" : "requester.phone", "identity-invalid");
        }
    }

    private static TicketFilter assigneeFilter(Actor actor, TicketFilter filter, String assignee) {
        if (assignee == null || assignee.isBlank()) {
            return filter;
        }
        return switch (assignee.strip()) {
            case "none" -> filter.onlyUnassigned();
            case "me" -> {
                if (!actor.isUser()) {
                    throw new InvalidInput("assignee", "assignee-me-needs-user");
                }
                yield filter.withAssignee(actor.userId());
            }
            default -> {
                try {
                    yield filter.withAssignee(new UserId(UUID.fromString(assignee.strip())));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInput("assignee", "assignee-filter-invalid");
                }
            }
        };
    }

    /** JSON values of custom fields as the facade takes them: text, decimal numbers, or null to clear. */
    private static Map<String, Object> customFields(Map<String, JsonNode> json) {
        if (json == null) {
            return null;
        }
        var values = new LinkedHashMap<String, Object>();
        json.forEach((key, node) -> {
            if (node == null || node.isNull()) {
                values.put(key, null);
            } else if (node.isString()) {
                values.put(key, node.stringValue());
            } else if (node.isNumber()) {
                values.put(key, node.isFloatingPointNumber() ? BigDecimal.valueOf(node.doubleValue()) : node.decimalValue());
            } else {
                throw new InvalidInput("customFields." + key, "field-value-wrong-type");
            }
        });
        return values;
    }

    private static Optional<UUID> uuid(JsonNode node, String field) {
        if (node.isNull()) {
            return Optional.empty();
        }
        try {
            if (node.isString()) {
                return Optional.of(UUID.fromString(node.stringValue()));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidInput(field, "uuid-invalid");
    }

    /** The version an {@code If-Match} header names: {@code "3"}, {@code W/"3"} or {@code 3}; {@code *} means any. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        var tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidInput(HttpHeaders.IF_MATCH, "etag-invalid");
        }
    }

    private static String etag(TicketView ticket) {
        return String.valueOf(ticket.version());
    }
}
