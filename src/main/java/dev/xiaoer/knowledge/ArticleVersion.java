package dev.xiaoer.knowledge;

import java.time.Instant;
import java.util.List;

/** A saved state of an article; {@code note} says how it came about (such as a restore), if not by editing. */
public record ArticleVersion(int version, String title, String body, List<String> tags, String editedBy,
                             Instant editedAt, String note) {

    public ArticleVersion {
        tags = List.copyOf(tags);
    }
}
