package dev.xiaoer.automation.domain;

import dev.xiaoer.kernel.InvalidInput;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canned reply's text with its variables. The text is checked when it is saved, so that an agent
 * never sees a half-filled reply: every {@code {{…}}} must name a {@link ReplyVariable}, and a
 * {@code {{} must be closed. Filling replaces each variable with its value as plain text.
 */
public final class ReplyTemplate {

    /** {@code {{ name }}}, spaces inside the braces allowed. */
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    /** The start of an unclosed variable, as quoted in the refusal: the braces and the name after them. */
    private static final Pattern OPENING = Pattern.compile("\\{\\{\\s*[\\p{L}\\p{N}_.]{0,40}");

    private ReplyTemplate() {
    }

    /**
     * Refuses the first {@code {{…}}} that is no variable, and a {@code {{} that is never closed.
     *
     * @param field the field reported in the refusal
     */
    public static void check(String field, String text) {
        var matcher = VARIABLE.matcher(text);
        var rest = new StringBuilder();
        while (matcher.find()) {
            var name = matcher.group(1);
            if (ReplyVariable.named(name).isEmpty()) {
                throw new InvalidInput(field, "canned-reply-unknown-variable", name, ReplyVariable.allPlaceholders());
            }
            matcher.appendReplacement(rest, "");
        }
        matcher.appendTail(rest);
        var opening = OPENING.matcher(rest);
        if (opening.find()) {
            throw new InvalidInput(field, "canned-reply-unclosed-variable", opening.group());
        }
    }

    /** The text with every variable replaced by its value; a variable without a value becomes empty. */
    public static String fill(String text, Map<ReplyVariable, String> values) {
        var matcher = VARIABLE.matcher(text);
        var filled = new StringBuilder();
        while (matcher.find()) {
            var value = ReplyVariable.named(matcher.group(1)).map(values::get).orElse(null);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
