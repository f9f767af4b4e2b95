package dev.xiaoer.ticket.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Times as a reader of the pages sees them: "5 min ago" for recent ones and a date for older ones,
 * in the workspace's time zone and the reader's language. Public so that templates can call it.
 */
public final class TimeText {

    private final Instant now;
    private final ZoneId zone;
    private final Locale locale;
    private final MessageSource messages;

    TimeText(Instant now, ZoneId zone, Locale locale, MessageSource messages) {
        this.now = now;
        this.zone = zone;
        this.locale = locale;
        this.messages = messages;
    }

    public String ago(Instant at) {
        if (at == null) {
            return "";
        }
        var elapsed = Duration.between(at, now);
        if (elapsed.toMinutes() < 1) {
            return message("ticket.time.just-now");
        }
        if (elapsed.toMinutes() < 60) {
            return message("ticket.time.minutes-ago", elapsed.toMinutes());
        }
        if (elapsed.toHours() < 24) {
            return message("ticket.time.hours-ago", elapsed.toHours());
        }
        if (elapsed.toDays() < 7) {
            return message("ticket.time.days-ago", elapsed.toDays());
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(at.atZone(zone));
    }

    /** How long since {@code at}, as in "waiting 4 min": seconds, minutes, hours or days. */
    public String since(Instant at) {
        if (at == null) {
            return "";
        }
        var elapsed = Duration.between(at, now);
        if (elapsed.toMinutes() < 1) {
            return message("ticket.time.elapsed.seconds", Math.max(0, elapsed.toSeconds()));
        }
        if (elapsed.toHours() < 1) {
            return message("ticket.time.elapsed.minutes", elapsed.toMinutes());
        }
        if (elapsed.toDays() < 1) {
            return message("ticket.time.elapsed.hours", elapsed.toHours());
        }
        return message("ticket.time.elapsed.days", elapsed.toDays());
    }

    /** The day alone, as in "customer since 22 Nov 2026". */
    public String date(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(at.atZone(zone));
    }

    /** Date and time in full, for a tooltip and for screen readers. */
    public String full(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(at.atZone(zone));
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
