package dev.xiaoer.knowledge;

/**
 * An article found by a search.
 *
 * @param snippet HTML: the text around the matches, escaped, with the matched words in {@code <mark>}
 */
public record ArticleHit(ArticleId id, String slug, String language, String title, String snippet,
                         float score) {
}
