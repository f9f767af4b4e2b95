package dev.xiaoer.assistant.internal;

import dev.xiaoer.knowledge.ArticleId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the writer's reply is worth. A model can be talked into anything by a question or an article
 * that carries instructions, so nothing it writes reaches a customer unless it stays inside the
 * articles it was given: it cites at least one of them and no other, every link, e-mail address
 * and phone number in it appears in a cited article, it does not repeat the instructions' marker,
 * and it is short. Anything else counts as not an answer, and the assistant carries on without it.
 *
 * @param text  with {@link Outcome#ANSWERED}: the reply, its citations renumbered 1, 2, ... in the
 *              order of {@code cited}
 * @param cited with {@link Outcome#ANSWERED}: the articles cited, in the order first cited
 * @param why   with {@link Outcome#REFUSED}: which rule the reply broke, for the log
 */
public record WrittenAnswer(Outcome outcome, String text, List<Source> cited, String why) {

    /** How the writer fared with a question. */
    public enum Outcome {
        /** Wrote an answer from the articles, citing them. */
        ANSWERED,
        /** Said the articles do not answer the question. */
        NOT_COVERED,
        /** Wrote something that broke the rules: not shown. */
        REFUSED,
        /** The endpoint did not answer in time, or with an error. */
        FAILED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A published article given to the writer, numbered by its place in the list (from 1). */
    public record Source(ArticleId id, String slug, String title, String body) {
    }

    /** What the writer is told to reply when the articles do not answer the question. */
    public static final String NOT_COVERED = "NOT_COVERED";
    public static final int MAX_LENGTH = 2_000;

    private static final Pattern CITATION = Pattern.compile("[\\[【]\\s*(\\d{1,2})\\s*[\\]】]");
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)[^\\s<>()\\[\\]【】\"'，。；]+");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\- ]{5,}\\d");

    public WrittenAnswer {
        cited = List.copyOf(cited);
    }

    public static WrittenAnswer failed(String why) {
        return new WrittenAnswer(Outcome.FAILED, null, List.of(), why);
    }

    /** Judges a reply to a question about {@code sources}, written under instructions carrying {@code marker}. */
    public static WrittenAnswer check(String reply, List<Source> sources, String marker) {
        var text = reply == null ? "" : reply.strip();
        if (text.isEmpty() || text.contains(NOT_COVERED)) {
            return new WrittenAnswer(Outcome.NOT_COVERED, null, List.of(), null);
        }
        if (text.contains(marker)) {
            return refused("repeats the instructions");
        }
        if (text.length() > MAX_LENGTH) {
            return refused("longer than " + MAX_LENGTH + " characters");
        }
        var numbers = new LinkedHashMap<Integer, Integer>();
        var citations = CITATION.matcher(text);
        while (citations.find()) {
            var number = Integer.parseInt(citations.group(1));
            if (number < 1 || number > sources.size()) {
                return refused("cites [" + number + "], which it was not given");
            }
            numbers.putIfAbsent(number, numbers.size() + 1);
        }
        if (numbers.isEmpty()) {
            return refused("cites no article");
        }
        List<Source> cited = new ArrayList<>();
        numbers.keySet().forEach(number -> cited.add(sources.get(number - 1)));
        var citedText = String.join("\n", cited.stream().map(source -> source.title() + "\n" + source.body()).toList());
        var stranger = stranger(text, citedText);
        if (stranger != null) {
            return refused("writes " + stranger + ", which no cited article has");
        }
        var renumbered = CITATION.matcher(text).replaceAll(match ->
                Matcher.quoteReplacement("[" + numbers.get(Integer.parseInt(match.group(1))) + "]"));
        return new WrittenAnswer(Outcome.ANSWERED, renumbered, cited, null);
    }

    /** The first link, address or phone number of the text that the sources do not have; null when none. */
    private static String stranger(String text, String sources) {
        for (var link : matches(LINK, text)) {
            var bare = link.replaceAll("[.,;:!?]+$", "");
            if (!sources.contains(bare)) {
                return bare;
            }
        }
        for (var email : matches(EMAIL, text)) {
            if (!sources.toLowerCase(Locale.ROOT).contains(email.toLowerCase(Locale.ROOT))) {
                return email;
            }
        }
        var sourceDigits = matches(PHONE, sources).stream().map(WrittenAnswer::digits).toList();
        for (var phone : matches(PHONE, text)) {
            if (!sourceDigits.contains(digits(phone))) {
                return phone;
            }
        }
        return null;
    }

    private static List<String> matches(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(result -> result.group()).toList();
    }

    private static String digits(String phone) {
        return phone.replaceAll("\\D", "");
    }

    private static WrittenAnswer refused(String why) {
        return new WrittenAnswer(Outcome.REFUSED, null, List.of(), why);
    }
}
