package dev.xiaoer.customer;

import java.util.List;
import java.util.Set;

/**
 * A customer to create. {@code email} and {@code phone}, when given, also become identities, so
 * that the customer's next e-mail or call finds them instead of creating a duplicate.
 */
public record NewCustomer(String name, String email, String phone, String language, String tier, Set<String> tags,
                          String notes, List<ChannelIdentity> identities) {

    public NewCustomer {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        identities = identities == null ? List.of() : List.copyOf(identities);
    }
}
