package dev.xiaoer.customer;

import dev.xiaoer.kernel.BusinessException;

/** A merge names a customer that was itself merged away earlier; merges are never chained or undone. */
public class CustomerAlreadyMerged extends BusinessException {

    public CustomerAlreadyMerged(CustomerId customer, CustomerId mergedInto) {
        super("customer-already-merged", Kind.CONFLICT,
                "Customer " + customer + " was already merged into " + mergedInto, customer.toString(),
                mergedInto.toString());
    }
}
