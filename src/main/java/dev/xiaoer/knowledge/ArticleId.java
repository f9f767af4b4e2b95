package dev.xiaoer.knowledge;

import java.util.Objects;
import java.util.UUID;

public record ArticleId(UUID value) {

    public ArticleId {
        Objects.requireNonNull(value, "value");
    }

    public static ArticleId random() {
        return new ArticleId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static ArticleId parse(String text) {
        return new ArticleId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
