package dev.xiaoer.knowledge.domain;

import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.knowledge.ArticleDraft;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What an article must be to be saved; a refusal names the field. */
public final class ArticleRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 100_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private ArticleRules() {
    }

    /**
     * The draft with its title and body stripped, its language in canonical form ({@code zh-CN}) and
     * its tags trimmed, in lower case, without repeats.
     *
     * @throws InvalidInput for the first field that breaks a rule
     */
    public static ArticleDraft check(ArticleDraft draft) {
        var title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty()) {
            throw new InvalidInput("title", "article-title-required");
        }
        if (title.length() > MAX_TITLE) {
            throw new InvalidInput("title", "article-title-too-long", MAX_TITLE);
        }
        var body = draft.body() == null ? "" : draft.body().strip();
        if (body.length() > MAX_BODY) {
            throw new InvalidInput("body", "article-body-too-long", MAX_BODY);
        }
        return new ArticleDraft(title, body, language(draft.language()), draft.category(), tags(draft.tags()));
    }

    /** @throws InvalidInput when the text is not a language tag such as {@code zh-CN} or {@code en} */
    public static String language(String text) {
        var tag = text == null ? "" : text.strip();
        if (!LANGUAGE.matcher(tag).matches() || tag.length() > 35) {
            throw new InvalidInput("language", "article-language-invalid", tag);
        }
        return Locale.forLanguageTag(tag).toLanguageTag();
    }

    private static List<String> tags(List<String> tags) {
        var kept = new LinkedHashSet<String>();
        for (var tag : tags == null ? List.<String>of() : tags) {
            var clean = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > MAX_TAG || clean.contains(",")) {
                throw new InvalidInput("tags", "article-tag-invalid", clean, MAX_TAG);
            }
            kept.add(clean);
        }
        if (kept.size() > MAX_TAGS) {
            throw new InvalidInput("tags", "article-too-many-tags", MAX_TAGS);
        }
        return new ArrayList<>(kept);
    }
}
