package dev.xiaoer.customer;

import dev.xiaoer.kernel.InvalidInput;

/** An identity value that cannot identify anyone on its channel, e.g. a phone number without digits. */
public class InvalidIdentity extends InvalidInput {

    public InvalidIdentity(String field, IdentityType type) {
        super(field, "customer-invalid-identity", type.code());
    }
}
