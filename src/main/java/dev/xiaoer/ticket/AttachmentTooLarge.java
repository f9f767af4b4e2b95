package dev.xiaoer.ticket;

import dev.xiaoer.kernel.BusinessException;

/** The upload is larger than {@code xiaoer.tickets.attachment-max-size}. */
public class AttachmentTooLarge extends BusinessException {

    public AttachmentTooLarge(long size, long maximum) {
        super("attachment-too-large", Kind.TOO_LARGE, "Attachment of " + size + " bytes exceeds " + maximum, size, maximum);
    }
}
