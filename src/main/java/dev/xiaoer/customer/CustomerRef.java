package dev.xiaoer.customer;

import java.util.Objects;

/** A customer by id, with the display name to show for it. */
public record CustomerRef(CustomerId id, String name) {

    public CustomerRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
