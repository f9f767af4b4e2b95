package dev.xiaoer.knowledge;

import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One language version of an article. Versions of the same text in other languages share
 * {@code translationGroup}. {@code body} is Markdown; {@code version} counts the saves.
 *
 * @param reviewer who published it last, {@code null} before
 */
public record Article(ArticleId id, WorkspaceId workspace, UUID translationGroup, String language, String slug,
                      String title, String body, CategoryId category, List<String> tags, ArticleStatus status,
                      int version, String author, String reviewer, Instant createdAt, Instant updatedAt,
                      Instant publishedAt) {

    public Article {
        tags = List.copyOf(tags);
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }
}
