package dev.xiaoer.identity;

import dev.xiaoer.workspace.WorkspaceId;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is acting, in which workspace: a signed-in user, an API token, or a customer on their
 * self-service link. Timeline entries record {@link #type()}, {@link #id()} and {@link #name()}.
 */
public record Actor(Type type, UUID id, String name, WorkspaceId workspace, Role role) {

    public enum Type { USER, API_TOKEN, CUSTOMER, SYSTEM }

    public Actor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(workspace, "workspace");
    }

    public static Actor system(WorkspaceId workspace) {
        return new Actor(Type.SYSTEM, null, "Xiaoer", workspace, null);
    }

    public static Actor customer(WorkspaceId workspace, UUID customerId, String name) {
        return new Actor(Type.CUSTOMER, customerId, name, workspace, null);
    }

    public boolean isUser() {
        return type == Type.USER;
    }

    public UserId userId() {
        if (type != Type.USER) {
            throw new IllegalStateException(type + " is not a user");
        }
        return new UserId(id);
    }
}
