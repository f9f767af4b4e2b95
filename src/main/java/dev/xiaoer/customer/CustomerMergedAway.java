package dev.xiaoer.customer;

import dev.xiaoer.kernel.BusinessException;

/**
 * The customer no longer exists on its own: it was merged into {@link #mergedInto()}. Answered like
 * a missing customer (404), with the survivor's id so that clients can follow it.
 */
public class CustomerMergedAway extends BusinessException {

    private final CustomerId customer;
    private final CustomerId mergedInto;

    public CustomerMergedAway(CustomerId customer, CustomerId mergedInto) {
        super("customer-merged", Kind.NOT_FOUND, "Customer " + customer + " was merged into " + mergedInto,
                customer.toString(), mergedInto.toString());
        this.customer = customer;
        this.mergedInto = mergedInto;
    }

    public CustomerId customer() {
        return customer;
    }

    public CustomerId mergedInto() {
        return mergedInto;
    }
}
