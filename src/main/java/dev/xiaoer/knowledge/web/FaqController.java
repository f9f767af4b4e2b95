package dev.xiaoer.knowledge.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.CursorPage;
import dev.xiaoer.knowledge.ArticleId;
import dev.xiaoer.knowledge.Faq;
import dev.xiaoer.knowledge.FaqAction;
import dev.xiaoer.knowledge.FaqDraft;
import dev.xiaoer.knowledge.FaqId;
import dev.xiaoer.knowledge.FaqMatch;
import dev.xiaoer.knowledge.FaqEntries;
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
@RequestMapping("/api/v1/faqs")
@Tag(name = "FAQ", description = "The questions the assistant answers: a standard question, its answer, other ways"
        + " customers ask it, an optional article and action. Matching uses the question and the phrasings.")
class FaqController {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final FaqEntries faqs;

    FaqController(FaqEntries faqs) {
        this.faqs = faqs;
    }

    @Schema(name = "FaqRequest", description = "A whole FAQ entry: PUT replaces everything")
    record FaqRequest(
            @Schema(example = "zh-CN", maxLength = 35, requiredMode = Schema.RequiredMode.REQUIRED) String language,
            @Schema(example = "复合肥多久见效？", maxLength = 300, requiredMode = Schema.RequiredMode.REQUIRED)
            String question,
            @Schema(description = "Markdown", example = "一般施用后 7–15 天见效，干旱时请浇水。", maxLength = 10_000,
                    requiredMode = Schema.RequiredMode.REQUIRED) String answer,
            @Schema(example = "7–15 天见效", maxLength = 300) String expectation,
            @Schema(description = "Other ways customers ask it, up to 50",
                    example = "[\"肥料撒了多久有效果\", \"化肥什么时候起作用\"]") List<String> phrasings,
            @Schema(description = "An article of the workspace with the whole story") UUID article,
            @Schema(description = "What the assistant does besides answering; none by default") FaqAction action) {

        FaqDraft draft() {
            return new FaqDraft(language, question, answer, expectation, phrasings,
                    article == null ? null : new ArticleId(article), action);
        }
    }

    @Schema(name = "Faq")
    record FaqView(UUID id, String language, String question, String answer, String expectation,
                   List<String> phrasings, UUID article, FaqAction action, int version, Instant createdAt,
                   Instant updatedAt) {

        static FaqView from(Faq faq) {
            return new FaqView(faq.id().value(), faq.language(), faq.question(), faq.answer(), faq.expectation(),
                    faq.phrasings(), faq.article() == null ? null : faq.article().value(), faq.action(),
                    faq.version(), faq.createdAt(), faq.updatedAt());
        }
    }

    @Schema(name = "FaqMatch")
    record MatchView(UUID id, String question, @Schema(description = "The question or phrasing that matched best")
                     String phrasing, float score) {

        static MatchView from(FaqMatch match) {
            return new MatchView(match.id().value(), match.question(), match.phrasing(), match.score());
        }
    }

    @GetMapping
    @Operation(operationId = "listFaqs", summary = "List FAQ entries", description = "By question; nextCursor is null.")
    CursorPage<FaqView> list(Actor actor) {
        return new CursorPage<>(faqs.list(actor.workspace()).stream().map(FaqView::from).toList(), null);
    }

    @GetMapping("/match")
    @Operation(operationId = "matchFaqs", summary = "FAQ entries matching a customer's words",
            description = "Best first, each entry once, by its best matching question or phrasing.")
    List<MatchView> match(Actor actor, @Parameter(description = "The customer's words", example = "肥料多久起作用")
                          @RequestParam(defaultValue = "") String q,
                          @Parameter(description = "At most this many, 1 to 50") @RequestParam(defaultValue = "5") int limit) {
        return faqs.match(actor.workspace(), q, limit).stream().map(MatchView::from).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getFaq", summary = "An FAQ entry")
    @ApiResponse(responseCode = "200", description = "The entry")
    @ApiResponse(responseCode = "404", description = "No such entry in this workspace",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    FaqView get(Actor actor, @PathVariable UUID id) {
        return FaqView.from(faqs.get(actor.workspace(), new FaqId(id)));
    }

    @PostMapping
    @Operation(operationId = "createFaq", summary = "Add an FAQ entry")
    @ApiResponse(responseCode = "201", description = "Created; matched from now on")
    @ApiResponse(responseCode = "400", description = "Invalid input, named in errors[].field",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<FaqView> create(Actor actor, @RequestBody FaqRequest request) {
        var faq = faqs.add(actor, request.draft());
        return ResponseEntity.created(URI.create("/api/v1/faqs/" + faq.id())).body(FaqView.from(faq));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "replaceFaq", summary = "Replace an FAQ entry")
    @ApiResponse(responseCode = "200", description = "The entry as saved")
    @ApiResponse(responseCode = "400", description = "Invalid input, named in errors[].field",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    FaqView replace(Actor actor, @PathVariable UUID id, @RequestBody FaqRequest request) {
        return FaqView.from(faqs.revise(actor, new FaqId(id), request.draft()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteFaq", summary = "Delete an FAQ entry")
    @ApiResponse(responseCode = "404", description = "No such entry in this workspace",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    void delete(Actor actor, @PathVariable UUID id) {
        faqs.delete(actor, new FaqId(id));
    }
}
