package dev.xiaoer.knowledge;

import java.util.Objects;
import java.util.UUID;

public record ImportId(UUID value) {

    public ImportId {
        Objects.requireNonNull(value, "value");
    }

    public static ImportId random() {
        return new ImportId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
