package dev.xiaoer.ticket.domain;

import dev.xiaoer.kernel.InvalidInput;
import java.util.Collection;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/** Ticket tags: trimmed, lower case, at most {@value #MAX_TAGS} of at most {@value #MAX_LENGTH} characters. */
public final class Tags {

    public static final int MAX_TAGS = 20;
    public static final int MAX_LENGTH = 50;

    private Tags() {
    }

    public static SortedSet<String> normalise(Collection<String> tags) {
        var result = new TreeSet<String>();
        for (var tag : tags) {
            result.add(normalise(tag));
        }
        if (result.size() > MAX_TAGS) {
            throw new InvalidInput("tags", "too-many-tags", MAX_TAGS);
        }
        return result;
    }

    public static String normalise(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new InvalidInput("tags", "tag-invalid", MAX_LENGTH);
        }
        var normalised = tag.strip().toLowerCase(Locale.ROOT);
        // Commas would make the tag lists on timeline entries ambiguous.
        if (normalised.length() > MAX_LENGTH || normalised.contains(",")) {
            throw new InvalidInput("tags", "tag-invalid", MAX_LENGTH);
        }
        return normalised;
    }

    /** Tags as they appear on a timeline entry: sorted, comma separated, empty for none. */
    public static String join(Collection<String> tags) {
        return String.join(", ", new TreeSet<>(tags));
    }
}
