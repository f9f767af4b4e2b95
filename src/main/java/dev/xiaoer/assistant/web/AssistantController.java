package dev.xiaoer.assistant.web;

import dev.xiaoer.assistant.Assistant;
import dev.xiaoer.assistant.Decision;
import dev.xiaoer.assistant.DecisionId;
import dev.xiaoer.assistant.DecisionKind;
import dev.xiaoer.assistant.Enquiry;
import dev.xiaoer.assistant.HandOffReason;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.knowledge.FaqAction;
import dev.xiaoer.knowledge.FaqId;
import dev.xiaoer.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

@RestController
@RequestMapping("/api/v1/assistant")
@Tag(name = "Assistant", description = "The bot, for any channel: a customer's message in, a decision out (answer,"
        + " clarify or hand off), recorded with the candidates weighed. Feedback on an answer drives the next decision.")
class AssistantController {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int MAX_TEXT = 20_000;

    private final Assistant assistant;

    AssistantController(Assistant assistant) {
        this.assistant = assistant;
    }

    @Schema(name = "AssistantEnquiry")
    record EnquiryRequest(
            @Schema(description = "The customer's message", example = "化肥撒了几天能见效？", maxLength = MAX_TEXT,
                    requiredMode = Schema.RequiredMode.REQUIRED) String text,
            @Schema(description = "Ties one conversation's messages together (e.g. your chat's id): two unhelpful"
                    + " answers in a row in one conversation hand off", example = "chat-4711", maxLength = Enquiry.MAX_CONVERSATION)
            String conversation,
            @Schema(description = "Answer this FAQ entry: the customer chose it from a clarifying question") UUID chosen) {
    }

    @Schema(name = "AssistantFeedback")
    record FeedbackRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean helpful) {
    }

    @Schema(name = "AssistantDecision")
    record DecisionView(UUID id, DecisionKind kind,
                        @Schema(description = "ISO 639-1, und when unknown", example = "zh") String language,
                        @Schema(description = "The FAQ entry the message most likely asks about") UUID intent,
                        @Schema(description = "Calibrated probability of that entry, 0 to 1") double confidence,
                        AnswerView answer, List<OptionView> options, HandOffReason reason) {

        static DecisionView from(WorkspaceId workspace, Decision decision) {
            var given = decision.answer();
            var answer = given == null ? null : new AnswerView(given.faq() == null ? null : given.faq().value(),
                    given.question(), given.text(), given.expectation(),
                    given.article() == null ? null : given.article().value(), given.action(), given.written(),
                    given.sources().stream().map(source -> new SourceView(source.article().value(), source.title(),
                            "/help/" + workspace.value() + "/articles/"
                                    + UriUtils.encodePathSegment(source.slug(), StandardCharsets.UTF_8))).toList());
            return new DecisionView(decision.id().value(), decision.kind(), decision.language(),
                    decision.intent() == null ? null : decision.intent().value(), decision.confidence(), answer,
                    decision.options().stream().map(o -> new OptionView(o.faq().value(), o.question(), o.probability())).toList(),
                    decision.reason());
        }
    }

    @Schema(name = "AssistantAnswer")
    record AnswerView(@Schema(description = "The FAQ entry answered with; null for a written answer") UUID faq,
                      String question, @Schema(description = "Markdown; a written answer cites its sources as [1], [2]")
                      String text, String expectation, UUID article, FaqAction action,
                      @Schema(description = "Written by the workspace's generative endpoint from published articles,"
                              + " not taken from an FAQ entry") boolean written,
                      @Schema(description = "A written answer's sources, [1] first") List<SourceView> sources) {
    }

    @Schema(name = "AssistantSource")
    record SourceView(UUID article, String title,
                      @Schema(description = "The article in the help center", example = "/help/…/articles/fertilizer-timing")
                      String path) {
    }

    @Schema(name = "AssistantOption")
    record OptionView(UUID faq, String question, double probability) {
    }

    @PostMapping("/decisions")
    @Operation(operationId = "decide", summary = "Ask the assistant",
            description = "Answers with an FAQ entry it is confident about, offers two or three questions when unsure,"
                    + " or hands off (asked for a person, nothing close, unsupported language, too long). With generative"
                    + " answers on, a question no FAQ entry settles may get an answer written from published articles,"
                    + " citing them (`answer.written`).")
    @ApiResponse(responseCode = "200", description = "The decision, recorded. The `Server-Timing` header says how long"
            + " the assistant took (`decide;dur=` milliseconds: understanding, search, writing the record), without the"
            + " HTTP exchange", headers = @Header(name = "Server-Timing", description = "decide;dur=7.31",
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Invalid input, named in errors[].field",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<DecisionView> decide(Actor actor, @RequestBody EnquiryRequest request) {
        if (request.text() == null && request.chosen() == null) {
            throw new InvalidInput("text", "assistant-text-required");
        }
        if (request.text() != null && request.text().length() > MAX_TEXT) {
            throw new InvalidInput("text", "assistant-text-too-long", MAX_TEXT);
        }
        if (request.conversation() != null && request.conversation().length() > Enquiry.MAX_CONVERSATION) {
            throw new InvalidInput("conversation", "assistant-conversation-too-long", Enquiry.MAX_CONVERSATION);
        }
        var enquiry = new Enquiry(actor.workspace(), request.conversation(), "api", request.text());
        var started = System.nanoTime();
        var decision = request.chosen() == null ? assistant.decide(enquiry)
                : assistant.choose(enquiry, new FaqId(request.chosen()));
        var took = (System.nanoTime() - started) / 1e6;
        return ResponseEntity.ok().header("Server-Timing", String.format(Locale.ROOT, "decide;dur=%.2f", took))
                .body(DecisionView.from(actor.workspace(), decision));
    }

    @PostMapping("/decisions/{id}/feedback")
    @Operation(operationId = "giveAssistantFeedback", summary = "Say whether an answer helped",
            description = "After an unhelpful answer the assistant's next decision comes back: the other questions it"
                    + " weighed, or a hand-off (always after two unhelpful answers in a row). 204 after a helpful one.")
    @ApiResponse(responseCode = "200", description = "The assistant's next decision")
    @ApiResponse(responseCode = "204", description = "Recorded; nothing more to do")
    @ApiResponse(responseCode = "400", description = "Not an answer, or helpful missing",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such decision in this workspace",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<DecisionView> feedback(Actor actor, @PathVariable UUID id, @RequestBody FeedbackRequest request) {
        if (request.helpful() == null) {
            throw new InvalidInput("helpful", "assistant-helpful-required");
        }
        return assistant.feedback(actor.workspace(), null, new DecisionId(id), request.helpful())
                .map(next -> ResponseEntity.ok(DecisionView.from(actor.workspace(), next)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @Schema(name = "AssistantAnalytics")
    record AnalyticsView(int days, int decisions, int conversations,
                         @Schema(description = "Conversations answered and never handed to a person") int contained,
                         int handedOff, @Schema(description = "contained / conversations, 0 to 1") double containment,
                         @Schema(description = "handedOff / conversations, 0 to 1") double handOffRate, int answers,
                         @Schema(description = "Answers written from articles (generative answers), among answers") int written,
                         int helpful, int unhelpful, @Schema(description = "By reason") Map<HandOffReason, Integer> handOffs,
                         List<IntentView> intents) {
    }

    @Schema(name = "AssistantIntentAccuracy")
    record IntentView(UUID faq, @Schema(description = "Null when the entry was deleted since") String question,
                      int answers, int helpful, int unhelpful,
                      @Schema(description = "helpful / rated answers, 0 to 1; null when none was rated") Double accuracy) {
    }

    @GetMapping("/analytics")
    @Operation(operationId = "getAssistantAnalytics", summary = "How the assistant did",
            description = "Over the last `days` (1 to 365): conversations contained (answered without a person) and"
                    + " handed off, answers and what customers said of them, hand-offs by reason, and per FAQ entry"
                    + " (the 100 that answered most) how often its answer helped.")
    AnalyticsView analytics(Actor actor, @Parameter(description = "The window, 1 to 365 days")
                            @RequestParam(defaultValue = "30") int days) {
        var analytics = assistant.analytics(actor.workspace(), days);
        return new AnalyticsView(analytics.days(), analytics.decisions(), analytics.conversations(),
                analytics.contained(), analytics.handedOff(), analytics.containment(), analytics.handOffRate(),
                analytics.answers(), analytics.written(), analytics.helpful(), analytics.unhelpful(), analytics.handOffs(),
                analytics.intents().stream().map(intent -> new IntentView(intent.faq().value(), intent.question(),
                        intent.answers(), intent.helpful(), intent.unhelpful(),
                        Double.isNaN(intent.accuracy()) ? null : intent.accuracy())).toList());
    }

    @Schema(name = "KnowledgeGap")
    record GapView(@Schema(example = "zh") String language,
                   @Schema(description = "The question nearest the group's centre") String question,
                   @Schema(description = "The group's other questions, up to 20") List<String> examples, int asked,
                   Instant lastAsked, @Schema(description = "The decisions that asked them") List<UUID> decisions) {
    }

    @GetMapping("/gaps")
    @Operation(operationId = "listKnowledgeGaps", summary = "Questions the assistant could not settle, grouped by meaning",
            description = "The last 90 days' questions it asked back about, handed off as not understood or answered"
                    + " unhelpfully (the latest 2,000), not yet covered by an FAQ entry or dismissed; most asked first.")
    List<GapView> gaps(Actor actor) {
        return assistant.gaps(actor.workspace()).stream().map(gap -> new GapView(gap.language(), gap.question(),
                gap.examples(), gap.asked(), gap.lastAsked(), gap.decisions().stream().map(DecisionId::value).toList()))
                .toList();
    }
}
