package dev.xiaoer.assistant.internal;

import dev.xiaoer.assistant.DecisionKind;
import java.util.List;

/**
 * When the assistant answers, asks which question was meant, or hands off. An answer needs both a
 * confident classifier (its probabilities are calibrated on the workspace's own phrasings) and a
 * phrasing close to the message, because the classifier always picks one of the entries, even for
 * a question none of them is about. The similarity floors are per model: unrelated texts score
 * about 0.45 with the bge models, paraphrases above 0.8.
 */
public final class DecisionRules {

    /** The least calibrated probability the assistant answers with. */
    public static final double ANSWER_CONFIDENCE = 0.6;
    /** The least probability of a question offered when clarifying. */
    public static final double OPTION_PROBABILITY = 0.1;
    /** At most this many questions offered. */
    public static final int MAX_OPTIONS = 3;

    private DecisionRules() {
    }

    /** The cosine to the nearest phrasing above which the assistant answers. */
    public static double answerSimilarity(String language) {
        return "zh".equals(language) ? 0.80 : 0.78;
    }

    /** Below this cosine to the nearest phrasing, nothing is close: the assistant hands off. */
    public static double clarifySimilarity(String language) {
        return "zh".equals(language) ? 0.70 : 0.68;
    }

    public static DecisionKind decide(String language, FaqModel.Reading reading) {
        if (reading.candidates().isEmpty() || reading.nearestSimilarity() < clarifySimilarity(language)) {
            return DecisionKind.HAND_OFF;
        }
        var best = reading.candidates().getFirst().probability();
        if (best >= ANSWER_CONFIDENCE && reading.nearestSimilarity() >= answerSimilarity(language)) {
            return DecisionKind.ANSWER;
        }
        return options(reading.candidates()).isEmpty() ? DecisionKind.HAND_OFF : DecisionKind.CLARIFY;
    }

    /**
     * The questions worth offering, likeliest first: those at least {@value #OPTION_PROBABILITY}
     * likely, topped up to two from the rest (entries the search found by their words come last).
     */
    public static List<FaqModel.Candidate> options(List<FaqModel.Candidate> candidates) {
        var likely = candidates.stream().filter(candidate -> candidate.probability() >= OPTION_PROBABILITY)
                .limit(MAX_OPTIONS).toList();
        if (likely.isEmpty() || likely.size() >= 2) {
            return likely;
        }
        return candidates.stream().limit(2).toList();
    }
}
