package dev.xiaoer.assistant;

import dev.xiaoer.knowledge.ArticleId;
import dev.xiaoer.knowledge.Faq;
import dev.xiaoer.knowledge.FaqAction;
import dev.xiaoer.knowledge.FaqId;
import java.util.List;

/**
 * What the assistant decided about one message; recorded, with the candidates it weighed.
 *
 * @param language   the language detected ({@code und} when it could not tell)
 * @param intent     the FAQ entry the message most likely asks about, if any
 * @param confidence how likely that is, calibrated on the workspace's own phrasings (0 to 1)
 * @param answer     with {@link DecisionKind#ANSWER}: the entry answered with, or the answer written from articles
 * @param options    with {@link DecisionKind#CLARIFY}: the questions offered; with a hand-off: the
 *                   likeliest entries, for the person who takes over
 * @param reason     with {@link DecisionKind#HAND_OFF}: why
 */
public record Decision(DecisionId id, DecisionKind kind, String language, FaqId intent, double confidence,
                       Answer answer, List<Option> options, HandOffReason reason) {

    public Decision {
        options = List.copyOf(options);
    }

    /**
     * What the assistant answers with: an FAQ entry, or (with generative answers on) a text written
     * from published articles, which it cites.
     *
     * @param faq     the entry; null for a written answer
     * @param sources for a written answer: the articles it cites, {@code [1]} first; else empty
     */
    public record Answer(FaqId faq, String question, String text, String expectation, ArticleId article,
                         FaqAction action, List<Source> sources) {

        public Answer {
            sources = List.copyOf(sources);
        }

        public static Answer of(Faq faq) {
            return new Answer(faq.id(), faq.question(), faq.answer(), faq.expectation(), faq.article(), faq.action(),
                    List.of());
        }

        /** Whether the assistant wrote it from articles rather than took it from an FAQ entry. */
        public boolean written() {
            return faq == null;
        }
    }

    /** A published article a written answer cites. */
    public record Source(ArticleId article, String slug, String title) {
    }

    /** A question the customer may have meant, and how likely. */
    public record Option(FaqId faq, String question, double probability) {
    }
}
