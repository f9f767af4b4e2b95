package dev.xiaoer.knowledge;

import java.util.Objects;
import java.util.UUID;

public record CategoryId(UUID value) {

    public CategoryId {
        Objects.requireNonNull(value, "value");
    }

    public static CategoryId random() {
        return new CategoryId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static CategoryId parse(String text) {
        return new CategoryId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
