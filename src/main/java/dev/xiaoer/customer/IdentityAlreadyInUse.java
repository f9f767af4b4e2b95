package dev.xiaoer.customer;

import dev.xiaoer.kernel.BusinessException;

/** The identity is already how another customer of the workspace is known; merge them instead. */
public class IdentityAlreadyInUse extends BusinessException {

    private final ChannelIdentity identity;
    private final CustomerId holder;

    public IdentityAlreadyInUse(ChannelIdentity identity, CustomerId holder) {
        super("customer-identity-in-use", Kind.CONFLICT,
                "Identity " + identity.type() + " " + identity.value() + " belongs to customer " + holder,
                identity.type().code(), identity.value(), holder.toString());
        this.identity = identity;
        this.holder = holder;
    }

    public ChannelIdentity identity() {
        return identity;
    }

    public CustomerId holder() {
        return holder;
    }
}
