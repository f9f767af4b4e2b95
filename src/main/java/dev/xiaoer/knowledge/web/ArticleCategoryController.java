package dev.xiaoer.knowledge.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.CursorPage;
import dev.xiaoer.knowledge.Category;
import dev.xiaoer.knowledge.CategoryId;
import dev.xiaoer.knowledge.KnowledgeBase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/article-categories")
@Tag(name = "Knowledge base")
class ArticleCategoryController {

    private final KnowledgeBase knowledge;

    ArticleCategoryController(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @Schema(name = "ArticleCategoryRequest")
    record CategoryRequest(@Schema(example = "施肥 Fertilizing", maxLength = 100,
                                   requiredMode = Schema.RequiredMode.REQUIRED) String name,
                           @Schema(description = "The category this one sits in; none for the top") UUID parent) {
    }

    @Schema(name = "ArticleCategory")
    record CategoryView(UUID id, UUID parent, @Schema(example = "施肥 Fertilizing") String name,
                        @Schema(example = "施肥-fertilizing") String slug, int position) {

        static CategoryView from(Category category) {
            return new CategoryView(category.id().value(), category.parent() == null ? null : category.parent().value(),
                    category.name(), category.slug(), category.position());
        }
    }

    @GetMapping
    @Operation(operationId = "listArticleCategories", summary = "The help center's categories, in their order",
            description = "The list is complete: nextCursor is null.")
    CursorPage<CategoryView> list(Actor actor) {
        return new CursorPage<>(knowledge.categories(actor.workspace()).stream().map(CategoryView::from).toList(), null);
    }

    @PostMapping
    @Operation(operationId = "createArticleCategory", summary = "Add a category to the help center")
    @ApiResponse(responseCode = "201", description = "Created, last in the order")
    @ApiResponse(responseCode = "400", description = "A blank or long name, or a parent the workspace does not have",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CategoryView> create(Actor actor, @RequestBody CategoryRequest request) {
        var category = knowledge.addCategory(actor, request.name(),
                request.parent() == null ? null : new CategoryId(request.parent()));
        return ResponseEntity.status(HttpStatus.CREATED).body(CategoryView.from(category));
    }
}
