package dev.xiaoer.knowledge.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Readable, stable URL parts from titles: letters and digits of any script (so a Chinese title keeps
 * its characters, which browsers show as typed), everything else a single hyphen.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    public static String of(String title) {
        var text = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        var slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                slug.appendCodePoint(c);
            } else if (!slug.isEmpty() && slug.charAt(slug.length() - 1) != '-') {
                slug.append('-');
            }
        });
        var trimmed = slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH) : slug.toString();
        trimmed = trimmed.replaceAll("^-+|-+$", "");
        return trimmed.isEmpty() ? "article" : trimmed;
    }

    /** The n-th choice for a slug that is taken: {@code slug-2}, {@code slug-3}, … */
    public static String numbered(String slug, int n) {
        return n <= 1 ? slug : slug + "-" + n;
    }
}
