package dev.xiaoer.identity;

import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API token as listed to admins; the secret itself is never kept. */
public record ApiToken(UUID id, WorkspaceId workspace, String name, Set<Scope> scopes, Instant createdAt,
                       Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
