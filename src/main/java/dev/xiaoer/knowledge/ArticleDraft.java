package dev.xiaoer.knowledge;

import java.util.List;

/**
 * What an editor writes. {@code tags} may be {@code null} (none) and {@code category} too.
 *
 * @param language a BCP 47 tag such as {@code zh-CN} or {@code en}
 */
public record ArticleDraft(String title, String body, String language, CategoryId category, List<String> tags) {
}
