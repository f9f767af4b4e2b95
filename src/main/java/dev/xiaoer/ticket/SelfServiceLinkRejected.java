package dev.xiaoer.ticket;

import dev.xiaoer.kernel.BusinessException;

/** A self-service link that was tampered with, signed for something else, or has expired. */
public class SelfServiceLinkRejected extends BusinessException {

    public enum Reason { INVALID, EXPIRED }

    private final Reason reason;

    public SelfServiceLinkRejected(Reason reason) {
        super(reason == Reason.EXPIRED ? "self-service-link-expired" : "self-service-link-invalid", Kind.FORBIDDEN,
                "Self-service link rejected: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
