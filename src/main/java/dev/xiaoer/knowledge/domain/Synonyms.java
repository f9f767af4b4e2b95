package dev.xiaoer.knowledge.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A workspace's synonyms: groups of words that mean the same to its customers ("化肥, 肥料,
 * fertilizer"), one group per line, words separated by commas (also 、 and ，) or "=". A search for
 * any word of a group also looks for the others.
 */
public record Synonyms(List<List<String>> groups) {

    public static final Synonyms NONE = new Synonyms(List.of());
    public static final int MAX_LINES = 500;
    public static final int MAX_WORD = 50;

    private static final Pattern SEPARATORS = Pattern.compile("[,，、=]");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}+");

    public Synonyms {
        groups = groups.stream().map(List::copyOf).toList();
    }

    /** The groups of the text; a line with fewer than two words, or a word too long, is left out. */
    public static Synonyms parse(String text) {
        var groups = new ArrayList<List<String>>();
        for (var line : (text == null ? "" : text).lines().limit(MAX_LINES).toList()) {
            var words = new LinkedHashSet<String>();
            for (var word : SEPARATORS.split(line)) {
                var clean = word.strip().toLowerCase(Locale.ROOT);
                if (!clean.isEmpty() && clean.length() <= MAX_WORD) {
                    words.add(clean);
                }
            }
            if (words.size() > 1) {
                groups.add(List.copyOf(words));
            }
        }
        return new Synonyms(groups);
    }

    /** The groups as they are stored and shown: one line each. */
    public String text() {
        return String.join("\n", groups.stream().map(group -> String.join(", ", group)).toList());
    }

    /**
     * The query with the other words of every group it uses added. A Chinese word counts when the
     * query contains it anywhere (Chinese is written without spaces); a Latin one only as a whole word.
     */
    public String expand(String query) {
        var lower = query.toLowerCase(Locale.ROOT);
        var added = new LinkedHashSet<String>();
        for (var group : groups) {
            if (group.stream().anyMatch(word -> uses(lower, word))) {
                group.stream().filter(word -> !uses(lower, word)).forEach(added::add);
            }
        }
        return added.isEmpty() ? query : query + " " + String.join(" ", added);
    }

    private static boolean uses(String query, String word) {
        if (!LATIN.matcher(word).matches()) {
            return query.contains(word);
        }
        return Pattern.compile("(?<!\\p{IsLatin})" + Pattern.quote(word) + "(?!\\p{IsLatin})").matcher(query).find();
    }
}
