package dev.xiaoer.channel.chat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a workspace's chat is staffed, in the workspace's own time zone, as an admin writes it, one
 * line per span: {@code Mon-Fri 09:00-18:00}, {@code Sat 09:00-12:00}. No lines: always open. Outside
 * these hours the widget says the team is closed and takes a message, as when nobody is online. An end
 * of {@code 24:00} is midnight at the end of the day; a span does not run past midnight.
 */
record ChatHours(List<Span> spans) {

    static final ChatHours ALWAYS = new ChatHours(List.of());
    static final int MAX_LINES = 14;

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern LINE = Pattern.compile(
            "(?i)(mon|tue|wed|thu|fri|sat|sun)(?:\\s*-\\s*(mon|tue|wed|thu|fri|sat|sun))?\\s+"
                    + "(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    /** Days (in order) and a time span on each, {@code end} excluded; {@code null} end is midnight. */
    record Span(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

        boolean covers(ZonedDateTime at) {
            var time = at.toLocalTime();
            return days.contains(at.getDayOfWeek()) && !time.isBefore(start) && (end == null || time.isBefore(end));
        }
    }

    /** What was typed, read into hours, or the lines that are not hours. */
    record Parsed(ChatHours hours, List<String> invalid) {
    }

    ChatHours {
        spans = List.copyOf(spans);
    }

    static Parsed parse(String text) {
        var spans = new ArrayList<Span>();
        var invalid = new ArrayList<String>();
        for (var line : (text == null ? "" : text).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            span(line).ifPresentOrElse(spans::add, () -> invalid.add(line));
        }
        return new Parsed(new ChatHours(spans), List.copyOf(invalid));
    }

    /** Whether the team is there at that moment (given in the workspace's zone). */
    boolean isOpen(ZonedDateTime at) {
        return spans.isEmpty() || spans.stream().anyMatch(span -> span.covers(at));
    }

    /** The hours as they are stored and shown: one canonical line per span. */
    String text() {
        var lines = new ArrayList<String>();
        for (var span : spans) {
            var days = new ArrayList<>(span.days());
            var first = name(days.getFirst());
            var last = name(days.getLast());
            lines.add((first.equals(last) ? first : first + "-" + last) + " " + span.start() + "-"
                    + (span.end() == null ? "24:00" : span.end().toString()));
        }
        return String.join("\n", lines);
    }

    private static Optional<Span> span(String line) {
        var matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        var from = DAYS.indexOf(matcher.group(1).toLowerCase(Locale.ROOT));
        var to = matcher.group(2) == null ? from : DAYS.indexOf(matcher.group(2).toLowerCase(Locale.ROOT));
        var start = time(matcher.group(3), matcher.group(4));
        var endHour = Integer.parseInt(matcher.group(5));
        var endMinute = Integer.parseInt(matcher.group(6));
        var midnight = endHour == 24 && endMinute == 0;
        var end = midnight ? null : time(matcher.group(5), matcher.group(6));
        if (to < from || start == null || !midnight && (end == null || !end.isAfter(start))) {
            return Optional.empty();
        }
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (var day = from; day <= to; day++) {
            days.add(DayOfWeek.of(day + 1));
        }
        return Optional.of(new Span(days, start, end));
    }

    private static LocalTime time(String hour, String minute) {
        var h = Integer.parseInt(hour);
        var m = Integer.parseInt(minute);
        return h < 24 && m < 60 ? LocalTime.of(h, m) : null;
    }

    private static String name(DayOfWeek day) {
        var name = DAYS.get(day.getValue() - 1);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
