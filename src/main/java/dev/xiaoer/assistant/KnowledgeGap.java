package dev.xiaoer.assistant;

import java.time.Instant;
import java.util.List;

/**
 * Questions customers asked that the assistant could not settle (it had to ask back, handed off as
 * not understood, or answered unhelpfully), grouped by meaning: what the FAQ lacks.
 *
 * @param language  the model language, {@code zh} or {@code en}
 * @param question  the question that stands for the group best (nearest its centre)
 * @param examples  the group's other distinct questions, most recent first, at most {@link #MAX_EXAMPLES}
 * @param asked     how many times the group's questions were asked
 * @param decisions the decisions that asked them, which creating an FAQ entry from the group (or
 *                  dismissing it) closes
 */
public record KnowledgeGap(String language, String question, List<String> examples, int asked, Instant lastAsked,
                           List<DecisionId> decisions) {

    public static final int MAX_EXAMPLES = 20;

    public KnowledgeGap {
        examples = List.copyOf(examples);
        decisions = List.copyOf(decisions);
    }
}
