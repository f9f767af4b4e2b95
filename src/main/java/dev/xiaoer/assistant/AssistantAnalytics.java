package dev.xiaoer.assistant;

import dev.xiaoer.knowledge.FaqId;
import java.util.List;
import java.util.Map;

/**
 * How the assistant did over the last {@code days}: per conversation (decisions without one count
 * as a conversation each), whether it was settled without a person (contained: answered, never
 * handed off) or handed off; per answer, what customers said of it; per FAQ entry, how often it
 * answered and how often that helped. {@code written} counts the answers written from articles
 * (generative answers), which are among {@code answers} but belong to no FAQ entry.
 */
public record AssistantAnalytics(int days, int decisions, int conversations, int contained, int handedOff,
                                 int answers, int written, int helpful, int unhelpful, Map<HandOffReason, Integer> handOffs,
                                 List<IntentAccuracy> intents) {

    public AssistantAnalytics {
        handOffs = Map.copyOf(handOffs);
        intents = List.copyOf(intents);
    }

    /** Share of conversations settled without a person, 0 to 1; 0 without conversations. */
    public double containment() {
        return share(contained, conversations);
    }

    /** Share of conversations handed to a person, 0 to 1. */
    public double handOffRate() {
        return share(handedOff, conversations);
    }

    /** Share of rated answers that helped, 0 to 1. */
    public double helpfulRate() {
        return share(helpful, helpful + unhelpful);
    }

    /**
     * One FAQ entry's answers.
     *
     * @param question the entry's question, or {@code null} when it was deleted since
     */
    public record IntentAccuracy(FaqId faq, String question, int answers, int helpful, int unhelpful) {

        /** Share of the rated answers that helped, 0 to 1; {@code NaN} when none was rated. */
        public double accuracy() {
            return helpful + unhelpful == 0 ? Double.NaN : (double) helpful / (helpful + unhelpful);
        }
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
