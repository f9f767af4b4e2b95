package dev.xiaoer.customer;

import dev.xiaoer.kernel.InvalidInput;

/** A merge whose source is its target: there is nothing to merge. Reported against {@code source}. */
public class CustomerMergeIntoItself extends InvalidInput {

    public CustomerMergeIntoItself(CustomerId customer) {
        super("source", "customer-merge-into-itself", customer.toString());
    }
}
