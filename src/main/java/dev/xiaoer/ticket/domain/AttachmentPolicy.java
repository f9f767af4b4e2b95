package dev.xiaoer.ticket.domain;

import dev.xiaoer.ticket.AttachmentTooLarge;
import dev.xiaoer.ticket.AttachmentTypeNotAllowed;
import java.util.Set;

/**
 * Which files a ticket accepts: images, PDF, plain text, CSV and office documents, judged by the
 * type detected from the bytes, and no larger than the configured maximum. Everything else
 * (executables, archives, HTML, scripts) is refused, whatever its name says.
 */
public final class AttachmentPolicy {

    public static final Set<String> ALLOWED_TYPES = Set.of(
            "image/png", "image/jpeg", "image/gif", "image/webp", "image/heic", "image/heif", "image/bmp",
            "application/pdf", "text/plain", "text/csv",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation");

    private static final int MAX_FILE_NAME = 200;

    private AttachmentPolicy() {
    }

    public static void check(String detectedType, long size, long maximum) {
        if (size > maximum) {
            throw new AttachmentTooLarge(size, maximum);
        }
        if (!ALLOWED_TYPES.contains(detectedType)) {
            throw new AttachmentTypeNotAllowed(detectedType);
        }
    }

    /** The last path segment of an uploaded name, without control characters, at most 200 characters. */
    public static String fileName(String original) {
        var name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > MAX_FILE_NAME) {
            name = name.substring(name.length() - MAX_FILE_NAME);
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "attachment" : name;
    }
}
