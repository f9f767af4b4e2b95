package dev.xiaoer.automation;

import java.util.Objects;
import java.util.UUID;

public record CannedReplyId(UUID value) {

    public CannedReplyId {
        Objects.requireNonNull(value, "value");
    }

    public static CannedReplyId random() {
        return new CannedReplyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
