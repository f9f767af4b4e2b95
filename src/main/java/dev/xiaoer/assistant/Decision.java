package dev.xiaoer.assistant;

import dev.xiaoer.knowledge.ArticleId;
import dev.xiaoer.knowledge.FaqAction;
import dev.xiaoer.knowledge.FaqId;
import java.util.List;

/**
 * What the assistant decided about one message; recorded, with the candidates it weighed.
 *
 * @param language   the language detected ({@code und} when it could not tell)
 * @param intent     the FAQ entry the message most likely asks about, if any
 * @param confidence how likely that is, calibrated on the workspace's own phrasings (0 to 1)
 * @param answer     with {@link DecisionKind#ANSWER}: the entry answered with
 * @param options    with {@link DecisionKind#CLARIFY}: the questions offered; with a hand-off: the
 *                   likeliest entries, for the person who takes over
 * @param reason     with {@link DecisionKind#HAND_OFF}: why
 */
public record Decision(DecisionId id, DecisionKind kind, String language, FaqId intent, double confidence,
                       Answer answer, List<Option> options, HandOffReason reason) {

    public Decision {
        options = List.copyOf(options);
    }

    /** An FAQ entry the assistant answers with. */
    public record Answer(FaqId faq, String question, String text, String expectation, ArticleId article,
                         FaqAction action) {
    }

    /** A question the customer may have meant, and how likely. */
    public record Option(FaqId faq, String question, double probability) {
    }
}
