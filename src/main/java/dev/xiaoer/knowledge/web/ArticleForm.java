package dev.xiaoer.knowledge.web;

import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.knowledge.Article;
import dev.xiaoer.knowledge.ArticleDraft;
import dev.xiaoer.knowledge.CategoryId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The article editor's fields as typed: tags comma-separated, the category as its id (blank for
 * none), {@code version} the version the editor started from.
 */
record ArticleForm(String title, String body, String language, String category, String tags, Integer version,
                   UUID translationOf) {

    static ArticleForm empty(String language) {
        return new ArticleForm("", "", language, "", "", null, null);
    }

    static ArticleForm of(Article article) {
        return new ArticleForm(article.title(), article.body(), article.language(),
                article.category() == null ? "" : article.category().toString(), String.join(", ", article.tags()),
                article.version(), null);
    }

    /** @throws InvalidInput for a category that is not an id, which no page offers */
    ArticleDraft draft() {
        CategoryId categoryId;
        try {
            categoryId = category == null || category.isBlank() ? null : CategoryId.parse(category.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidInput("category", "article-category-invalid");
        }
        var tagList = tags == null ? List.<String>of() : Arrays.asList(tags.split("[,，]"));
        return new ArticleDraft(title, body, language, categoryId, tagList);
    }
}
