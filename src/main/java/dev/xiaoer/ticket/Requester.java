package dev.xiaoer.ticket;

import dev.xiaoer.customer.ChannelIdentity;
import dev.xiaoer.customer.CustomerId;

/**
 * Who a new ticket is for: a known customer, or whoever has this channel identity (found, or
 * created with {@code name}, in the same transaction as the ticket, so a refused ticket leaves no
 * customer behind).
 */
public record Requester(CustomerId customer, ChannelIdentity identity, String name) {

    public Requester {
        if ((customer == null) == (identity == null)) {
            throw new IllegalArgumentException("Give either a customer or an identity");
        }
    }

    public static Requester customer(CustomerId customer) {
        return new Requester(customer, null, null);
    }

    public static Requester identity(ChannelIdentity identity, String name) {
        return new Requester(null, identity, name);
    }
}
