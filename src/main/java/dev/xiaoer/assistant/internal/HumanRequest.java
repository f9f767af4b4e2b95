package dev.xiaoer.assistant.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a customer asks for a person. They always get one at once, whatever else the message says:
 * a bot that makes people argue with it to reach a human loses them.
 */
public final class HumanRequest {

    private static final Pattern CHINESE = Pattern.compile(
            "转人工|人工客服|人工服务|找人工|要人工|接人工|真人客服|换人工|^(人工|客服|真人)[!！。?？]*$");
    /** Phrases rather than words: "is this human hair?" asks about a product, not for a person. */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(talk|speak|chat) (to|with) (a |an |your )?(human|person|agent|someone|somebody|representative|real person)"
                    + "|\\b(want|need|get) (me )?(a |an )?(human|person|agent|representative)\\b"
                    + "|\\b(real|live) (person|human|agent)|\\bcustomer service (agent|representative)"
                    + "|^(human|agent|representative|operator|person)[.!?]*$");

    private HumanRequest() {
    }

    public static boolean asksForPerson(String text) {
        var lower = text.toLowerCase(Locale.ROOT).strip();
        return CHINESE.matcher(lower).find() || ENGLISH.matcher(lower).find();
    }
}
