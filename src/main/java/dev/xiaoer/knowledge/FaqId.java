package dev.xiaoer.knowledge;

import java.util.Objects;
import java.util.UUID;

public record FaqId(UUID value) {

    public FaqId {
        Objects.requireNonNull(value, "value");
    }

    public static FaqId random() {
        return new FaqId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
