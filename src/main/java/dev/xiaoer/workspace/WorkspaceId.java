package dev.xiaoer.workspace;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record WorkspaceId(UUID value) implements Serializable {

    public WorkspaceId {
        Objects.requireNonNull(value, "value");
    }

    public static WorkspaceId random() {
        return new WorkspaceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
