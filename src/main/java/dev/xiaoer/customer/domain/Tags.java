package dev.xiaoer.customer.domain;

import dev.xiaoer.kernel.InvalidInput;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Customer tags: trimmed, lower case, so that {@code VIP} and {@code vip } are one tag. */
public final class Tags {

    public static final int TAG_MAX = 60;
    public static final int COUNT_MAX = 50;

    private Tags() {
    }

    public static Set<String> normalise(Collection<String> tags) {
        var normalised = new TreeSet<String>();
        for (var tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new InvalidInput("tags", "customer-tag-blank");
            }
            var value = tag.strip().toLowerCase(Locale.ROOT);
            if (value.length() > TAG_MAX) {
                throw new InvalidInput("tags", "customer-field-too-long", TAG_MAX);
            }
            normalised.add(value);
        }
        if (normalised.size() > COUNT_MAX) {
            throw new InvalidInput("tags", "customer-too-many-tags", COUNT_MAX);
        }
        return normalised;
    }

    public static String normalise(String tag) {
        return tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
    }
}
