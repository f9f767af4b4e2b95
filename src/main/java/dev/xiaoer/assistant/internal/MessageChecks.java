package dev.xiaoer.assistant.internal;

/** What the assistant makes of a message before trying to understand it. */
public final class MessageChecks {

    /** Longer than this, a message is a story rather than a question: a person reads it. */
    public static final int MAX_QUESTION_LENGTH = 1000;

    private MessageChecks() {
    }

    /** The text without control characters (binary junk, terminal escapes) and surrounding space. */
    public static String clean(String text) {
        var cleaned = new StringBuilder(Math.min(text.length(), 4 * MAX_QUESTION_LENGTH));
        text.codePoints().limit(4L * MAX_QUESTION_LENGTH).forEach(c -> {
            if (c == '\n' || c == '\t') {
                cleaned.append(' ');
            } else if (!Character.isISOControl(c) && c != 0xFFFD && Character.getType(c) != Character.PRIVATE_USE
                    && Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.UNASSIGNED) {
                cleaned.appendCodePoint(c);
            }
        });
        return cleaned.toString().strip();
    }

    /** Whether the cleaned text has too few letters or digits to be a question (empty, emoji, junk). */
    public static boolean meaningless(String cleaned, String original) {
        long letters = cleaned.codePoints().filter(Character::isLetterOrDigit).count();
        long junk = original.codePoints().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r'
                || c == 0xFFFD).count();
        return letters == 0 || junk > letters;
    }

    public static boolean tooLong(String cleaned) {
        return cleaned.codePointCount(0, cleaned.length()) > MAX_QUESTION_LENGTH;
    }
}
