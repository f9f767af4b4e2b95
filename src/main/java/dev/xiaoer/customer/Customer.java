package dev.xiaoer.customer;

import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A customer as other modules and the API see it. {@code mergedInto} is set once the customer has
 * been merged into another one: it is kept so that holders of its id learn where it went.
 */
public record Customer(CustomerId id, WorkspaceId workspace, String name, String email, String phone,
                       String language, String tier, Set<String> tags, String notes,
                       List<ChannelIdentity> identities, Instant createdAt, Instant updatedAt,
                       CustomerId mergedInto) {

    public boolean merged() {
        return mergedInto != null;
    }
}
