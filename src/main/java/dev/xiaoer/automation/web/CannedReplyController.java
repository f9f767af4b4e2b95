package dev.xiaoer.automation.web;

import dev.xiaoer.automation.CannedReplies;
import dev.xiaoer.automation.CannedReply;
import dev.xiaoer.automation.CannedReplyDraft;
import dev.xiaoer.automation.CannedReplyId;
import dev.xiaoer.automation.CannedReplyText;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/canned-replies")
@Tag(name = "Canned replies", description = "Answers agents insert into the composer, one text per language, with"
        + " variables {{customer.name}}, {{ticket.number}}, {{ticket.subject}} and {{agent.name}} filled in from the"
        + " ticket. Titles (ignoring case) and shortcuts are unique in a workspace.")
class CannedReplyController {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final CannedReplies replies;

    CannedReplyController(CannedReplies replies) {
        this.replies = replies;
    }

    @Schema(name = "CannedReplyText", description = "One language version of a canned reply")
    record TextJson(
            @Schema(description = "BCP 47 language tag, once per reply", example = "zh-CN", maxLength = 35,
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String language,
            @Schema(description = "The text; every {{…}} must be one of the variables", maxLength = 5000,
                    example = "{{customer.name}}您好，您的工单 #{{ticket.number}} 的包裹因天气原因延迟发货，预计两天内发出。",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String text) {

        static TextJson from(CannedReplyText text) {
            return new TextJson(text.language(), text.text());
        }
    }

    @Schema(name = "CannedReplyRequest", description = "A whole canned reply: PUT replaces title, shortcut and texts;"
            + " a language left out is dropped.")
    record CannedReplyRequest(
            @Schema(example = "发货延迟 / Delivery delay", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED)
            String title,
            @Schema(description = "One word (letters, digits, - or _), stored in lower case", example = "delay",
                    maxLength = 30)
            String shortcut,
            @Schema(description = "1 to 20 texts, at most one per language; offered in this order when no language"
                    + " fits the customer or the agent", requiredMode = Schema.RequiredMode.REQUIRED)
            List<TextJson> texts) {

        CannedReplyDraft toDraft() {
            return new CannedReplyDraft(title, shortcut, texts == null ? null : texts.stream()
                    .map(text -> text == null ? null : new CannedReplyText(text.language(), text.text())).toList());
        }
    }

    @Schema(name = "CannedReply")
    record CannedReplyView(UUID id, @Schema(example = "发货延迟 / Delivery delay") String title,
                           @Schema(example = "delay") String shortcut, List<TextJson> texts, Instant createdAt,
                           Instant updatedAt) {

        static CannedReplyView from(CannedReply reply) {
            return new CannedReplyView(reply.id().value(), reply.title(), reply.shortcut(),
                    reply.texts().stream().map(TextJson::from).toList(), reply.createdAt(), reply.updatedAt());
        }
    }

    @GetMapping
    @Operation(operationId = "listCannedReplies", summary = "List canned replies",
            description = "By title; with q, those whose title, shortcut or any text contains it (ignoring case),"
                    + " an exact shortcut first. The list is complete: nextCursor is null.")
    CursorPage<CannedReplyView> list(Actor actor,
                                     @Parameter(description = "Text to look for", example = "delay")
                                     @RequestParam(required = false) String q) {
        return new CursorPage<>(replies.list(actor.workspace(), q).stream().map(CannedReplyView::from).toList(), null);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCannedReply", summary = "A canned reply with all its texts")
    @ApiResponse(responseCode = "200", description = "The canned reply")
    @ApiResponse(responseCode = "404", description = "No such canned reply in this workspace",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    CannedReplyView get(Actor actor, @PathVariable UUID id) {
        return CannedReplyView.from(replies.get(actor.workspace(), new CannedReplyId(id)));
    }

    @PostMapping
    @Operation(operationId = "createCannedReply", summary = "Create a canned reply")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Invalid input, named in errors[].field: a missing title, a"
            + " malformed language tag or one given twice, or a text with a {{…}} that is no variable"
            + " (canned-reply-unknown-variable) or a {{ never closed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Another canned reply has this title or shortcut"
            + " (canned-reply-title-taken, canned-reply-shortcut-taken)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CannedReplyView> create(Actor actor, @RequestBody CannedReplyRequest request) {
        var reply = replies.create(actor.workspace(), request.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/canned-replies/" + reply.id()))
                .body(CannedReplyView.from(reply));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "replaceCannedReply", summary = "Replace a canned reply",
            description = "Title, shortcut and texts as given; a language left out is dropped.")
    @ApiResponse(responseCode = "200", description = "The canned reply as saved")
    @ApiResponse(responseCode = "400", description = "Invalid input, as for creating one",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Another canned reply has this title or shortcut",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    CannedReplyView replace(Actor actor, @PathVariable UUID id, @RequestBody CannedReplyRequest request) {
        return CannedReplyView.from(replies.update(actor.workspace(), new CannedReplyId(id), request.toDraft()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteCannedReply", summary = "Delete a canned reply",
            description = "Replies already sent with it stay on their tickets as they were sent.")
    @ApiResponse(responseCode = "404", description = "No such canned reply in this workspace",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    void delete(Actor actor, @PathVariable UUID id) {
        replies.delete(actor.workspace(), new CannedReplyId(id));
    }
}
