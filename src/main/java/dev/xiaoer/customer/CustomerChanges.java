package dev.xiaoer.customer;

import java.util.Set;

/**
 * A partial update: {@code null} leaves a field as it is; an empty string clears an optional field
 * (every field but {@code name}); {@code tags}, when given, replaces the whole set.
 */
public record CustomerChanges(String name, String email, String phone, String language, String tier,
                              Set<String> tags, String notes) {

    public CustomerChanges {
        tags = tags == null ? null : Set.copyOf(tags);
    }
}
