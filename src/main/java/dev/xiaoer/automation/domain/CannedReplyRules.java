package dev.xiaoer.automation.domain;

import dev.xiaoer.automation.CannedReplyDraft;
import dev.xiaoer.automation.CannedReplyText;
import dev.xiaoer.kernel.InvalidInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a canned reply must be before it is saved: a title; an optional shortcut of one word; at
 * least one text, each in a well-formed BCP 47 language (written the canonical way, {@code zh-CN}),
 * each language once, and only known variables in the texts. Every refusal names the field it is
 * about ({@code title}, {@code shortcut}, {@code texts[1].language}), so that a form shows it there.
 */
public final class CannedReplyRules {

    public static final int MAX_TITLE = 100;
    public static final int MAX_SHORTCUT = 30;
    public static final int MAX_TEXT = 5_000;
    public static final int MAX_LANGUAGE = 35;
    public static final int MAX_TEXTS = 20;
    public static final int MAX_REPLIES = 1_000;

    private static final Pattern SHORTCUT = Pattern.compile("[\\p{L}\\p{N}_-]{1," + MAX_SHORTCUT + "}");

    private CannedReplyRules() {
    }

    /** A draft that passed: trimmed, the shortcut in lower case ({@code null} when none), languages canonical. */
    public record Checked(CannedReplyDraft draft, List<InvalidInput> problems) {

        /** The checked draft, or the first problem thrown. */
        public CannedReplyDraft orThrow() {
            if (!problems.isEmpty()) {
                throw problems.getFirst();
            }
            return draft;
        }
    }

    public static Checked check(CannedReplyDraft draft) {
        var problems = new ArrayList<InvalidInput>();
        var title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty()) {
            problems.add(new InvalidInput("title", "canned-reply-title-required"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new InvalidInput("title", "canned-reply-title-too-long", MAX_TITLE));
        }
        var shortcut = draft.shortcut() == null || draft.shortcut().isBlank() ? null
                : draft.shortcut().strip().toLowerCase(Locale.ROOT);
        if (shortcut != null && !SHORTCUT.matcher(shortcut).matches()) {
            problems.add(new InvalidInput("shortcut", "canned-reply-shortcut-invalid", MAX_SHORTCUT));
        }
        var texts = new ArrayList<CannedReplyText>();
        var given = draft.texts() == null ? List.<CannedReplyText>of() : draft.texts();
        if (given.isEmpty()) {
            problems.add(new InvalidInput("texts", "canned-reply-text-missing"));
        } else if (given.size() > MAX_TEXTS) {
            problems.add(new InvalidInput("texts", "canned-reply-too-many-texts", MAX_TEXTS));
        }
        var languages = new HashSet<String>();
        for (var i = 0; i < given.size() && i < MAX_TEXTS; i++) {
            var text = given.get(i);
            var field = "texts[" + i + "]";
            var language = text == null ? null : language(field + ".language", text.language(), problems);
            if (language != null && !languages.add(language)) {
                problems.add(new InvalidInput(field + ".language", "canned-reply-language-repeated", language));
            }
            var body = text == null || text.text() == null ? "" : text.text().strip();
            if (body.isEmpty()) {
                problems.add(new InvalidInput(field + ".text", "canned-reply-text-required"));
            } else if (body.length() > MAX_TEXT) {
                problems.add(new InvalidInput(field + ".text", "canned-reply-text-too-long", MAX_TEXT));
            } else {
                try {
                    ReplyTemplate.check(field + ".text", body);
                } catch (InvalidInput refused) {
                    problems.add(refused);
                }
            }
            texts.add(new CannedReplyText(language, body));
        }
        return new Checked(new CannedReplyDraft(title, shortcut, List.copyOf(texts)), List.copyOf(problems));
    }

    /** The title as it is compared for uniqueness and search: case does not tell two replies apart. */
    public static String titleKey(String title) {
        return title.toLowerCase(Locale.ROOT);
    }

    private static String language(String field, String tag, List<InvalidInput> problems) {
        if (tag == null || tag.isBlank()) {
            problems.add(new InvalidInput(field, "canned-reply-language-required"));
            return null;
        }
        var stripped = tag.strip().replace('_', '-');
        try {
            var locale = new Locale.Builder().setLanguageTag(stripped).build();
            var canonical = locale.toLanguageTag();
            if (locale.getLanguage().isEmpty() || canonical.length() > MAX_LANGUAGE) {
                problems.add(new InvalidInput(field, "canned-reply-language-invalid", tag.strip()));
                return null;
            }
            return canonical;
        } catch (IllformedLocaleException e) {
            problems.add(new InvalidInput(field, "canned-reply-language-invalid", tag.strip()));
            return null;
        }
    }
}
