package dev.xiaoer.customer;

import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A customer as other modules and the API see it. */
public record Customer(CustomerId id, WorkspaceId workspace, String name, String email, String phone,
                       String language, String tier, Set<String> tags, String notes,
                       List<ChannelIdentity> identities, Instant createdAt, Instant updatedAt) {
}
