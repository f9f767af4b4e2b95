package dev.xiaoer.ticket.domain;

import dev.xiaoer.kernel.InvalidInput;

/** Limits on the free text of a ticket, checked wherever text comes in (API, pages, channels). */
public final class TicketTexts {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 20_000;

    private TicketTexts() {
    }

    /** The subject, trimmed; refused when blank or longer than {@value #MAX_SUBJECT} characters. */
    public static String subject(String subject) {
        return required("subject", subject, MAX_SUBJECT);
    }

    /** A message or note body; refused when blank or longer than {@value #MAX_BODY} characters. */
    public static String body(String body) {
        return required("body", body, MAX_BODY);
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "text-required");
        }
        var stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInput(field, "text-too-long", max);
        }
        return stripped;
    }
}
