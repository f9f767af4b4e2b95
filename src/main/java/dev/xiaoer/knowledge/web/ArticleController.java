package dev.xiaoer.knowledge.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.CursorPage;
import dev.xiaoer.knowledge.Article;
import dev.xiaoer.knowledge.ArticleDraft;
import dev.xiaoer.knowledge.ArticleHit;
import dev.xiaoer.knowledge.ArticleId;
import dev.xiaoer.knowledge.ArticleStatus;
import dev.xiaoer.knowledge.CategoryId;
import dev.xiaoer.knowledge.KnowledgeBase;
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
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Knowledge base", description = "Articles in Markdown, one per language (versions of one text linked by"
        + " translationOf), drafts until published; every save is a version. Published articles make the public help"
        + " center at /help/{workspaceId} and are what search finds.")
class ArticleController {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int LIST_LIMIT = 500;

    private final KnowledgeBase knowledge;

    ArticleController(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @Schema(name = "ArticleRequest", description = "A new article")
    record ArticleRequest(
            @Schema(example = "复合肥多久见效？", maxLength = 200, requiredMode = Schema.RequiredMode.REQUIRED)
            String title,
            @Schema(description = "Markdown", example = "施用后一般 **7–15 天** 见效。", maxLength = 100_000)
            String body,
            @Schema(description = "BCP 47 language tag", example = "zh-CN", maxLength = 35,
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String language,
            @Schema(description = "A category of the workspace") UUID category,
            @Schema(example = "[\"化肥\", \"施肥\"]") List<String> tags,
            @Schema(description = "Another article this one is a language version of") UUID translationOf) {

        ArticleDraft draft() {
            return new ArticleDraft(title, body, language, category == null ? null : new CategoryId(category), tags);
        }
    }

    @Schema(name = "ArticleRevision", description = "An article's new text; its language stays as it was")
    record ArticleRevision(
            @Schema(example = "复合肥多久见效？", maxLength = 200, requiredMode = Schema.RequiredMode.REQUIRED)
            String title,
            @Schema(description = "Markdown", example = "施用后一般 **7–15 天** 见效，干旱时请浇水。", maxLength = 100_000)
            String body,
            @Schema(description = "A category of the workspace") UUID category,
            @Schema(example = "[\"化肥\"]") List<String> tags,
            @Schema(description = "The version the change starts from; when another was saved since, 412")
            Integer version) {

        ArticleDraft draft(String language) {
            return new ArticleDraft(title, body, language, category == null ? null : new CategoryId(category), tags);
        }
    }

    @Schema(name = "Article")
    record ArticleView(UUID id, UUID translationGroup, @Schema(example = "zh-CN") String language,
                       @Schema(example = "复合肥多久见效") String slug, String title, String body, UUID category,
                       List<String> tags, ArticleStatus status, int version, String author, String reviewer,
                       Instant createdAt, Instant updatedAt, Instant publishedAt) {

        static ArticleView from(Article article) {
            return new ArticleView(article.id().value(), article.translationGroup(), article.language(), article.slug(),
                    article.title(), article.body(), article.category() == null ? null : article.category().value(),
                    article.tags(), article.status(), article.version(), article.author(), article.reviewer(),
                    article.createdAt(), article.updatedAt(), article.publishedAt());
        }
    }

    @Schema(name = "ArticleHit")
    record HitView(UUID id, String slug, String language, String title,
                   @Schema(description = "HTML: escaped text with the matched words in <mark>") String snippet,
                   float score) {

        static HitView from(ArticleHit hit) {
            return new HitView(hit.id().value(), hit.slug(), hit.language(), hit.title(), hit.snippet(), hit.score());
        }
    }

    @GetMapping
    @Operation(operationId = "listArticles", summary = "List articles",
            description = "Newest change first, up to 500; nextCursor is null.")
    CursorPage<ArticleView> list(Actor actor, @Parameter(description = "Only articles with this status")
                                 @RequestParam(required = false) ArticleStatus status) {
        return new CursorPage<>(knowledge.list(actor.workspace(), status, null, LIST_LIMIT).stream()
                .map(ArticleView::from).toList(), null);
    }

    @GetMapping("/search")
    @Operation(operationId = "searchArticles", summary = "Search published articles",
            description = "Chinese and English words alike; titles and tags weigh more than the text. Best first.")
    List<HitView> search(Actor actor, @Parameter(description = "Words to look for", example = "化肥多久见效")
                         @RequestParam(defaultValue = "") String q,
                         @Parameter(description = "At most this many, 1 to 50") @RequestParam(defaultValue = "10") int limit) {
        return knowledge.search(actor.workspace(), q, limit).stream().map(HitView::from).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getArticle", summary = "An article")
    @ApiResponse(responseCode = "200", description = "The article")
    @ApiResponse(responseCode = "404", description = "No such article in this workspace",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ArticleView get(Actor actor, @PathVariable UUID id) {
        return ArticleView.from(knowledge.get(actor.workspace(), new ArticleId(id)));
    }

    @PostMapping
    @Operation(operationId = "createArticle", summary = "Write a draft article")
    @ApiResponse(responseCode = "201", description = "Created, as a draft")
    @ApiResponse(responseCode = "400", description = "Invalid input, named in errors[].field",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ArticleView> create(Actor actor, @RequestBody ArticleRequest request) {
        var article = knowledge.write(actor, request.draft(),
                request.translationOf() == null ? null : new ArticleId(request.translationOf()));
        return ResponseEntity.created(URI.create("/api/v1/articles/" + article.id())).body(ArticleView.from(article));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "reviseArticle", summary = "Save a new version of an article",
            description = "A published article stays published; readers see the new text at once.")
    @ApiResponse(responseCode = "200", description = "The article as saved")
    @ApiResponse(responseCode = "400", description = "Invalid input, named in errors[].field",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "Another version was saved since the given one",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ArticleView revise(Actor actor, @PathVariable UUID id, @RequestBody ArticleRevision request) {
        var article = knowledge.get(actor.workspace(), new ArticleId(id));
        return ArticleView.from(knowledge.revise(actor, article.id(), request.draft(article.language()),
                request.version() == null ? article.version() : request.version()));
    }

    @PostMapping("/{id}/publish")
    @Operation(operationId = "publishArticle", summary = "Publish an article in the help center")
    @ApiResponse(responseCode = "200", description = "The article, published")
    @ApiResponse(responseCode = "404", description = "No such article in this workspace",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "Another version was saved since the given one",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ArticleView publish(Actor actor, @PathVariable UUID id,
                        @RequestBody(required = false) PublishRequest request) {
        var article = knowledge.get(actor.workspace(), new ArticleId(id));
        var version = request == null || request.version() == null ? article.version() : request.version();
        return ArticleView.from(knowledge.publish(actor, article.id(), version));
    }

    @Schema(name = "PublishRequest", description = "Optional: publish only the version the reviewer read")
    record PublishRequest(@Schema(example = "3") Integer version) {
    }
}
