package dev.xiaoer.ticket;

import dev.xiaoer.kernel.BusinessException;

/** The uploaded bytes are not of an allowed type (images, PDF, plain text, CSV, office documents). */
public class AttachmentTypeNotAllowed extends BusinessException {

    public AttachmentTypeNotAllowed(String detectedType) {
        super("attachment-type-not-allowed", Kind.UNSUPPORTED_MEDIA_TYPE,
                "Attachments of type " + detectedType + " are not allowed", detectedType);
    }
}
