package dev.xiaoer.knowledge.domain;

import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.knowledge.FaqAction;
import dev.xiaoer.knowledge.FaqDraft;
import java.util.LinkedHashSet;
import java.util.List;

/** What an FAQ entry must be to be saved; a refusal names the field. */
public final class FaqRules {

    public static final int MAX_QUESTION = 300;
    public static final int MAX_ANSWER = 10_000;
    public static final int MAX_PHRASINGS = 50;
    public static final int MAX_FAQS = 5_000;

    private FaqRules() {
    }

    /**
     * The draft stripped, its language canonical, its phrasings without blanks, repeats or the
     * question itself, and no action meaning {@link FaqAction#NONE}.
     *
     * @throws InvalidInput for the first field that breaks a rule
     */
    public static FaqDraft check(FaqDraft draft) {
        var language = ArticleRules.language(draft.language());
        var question = strip(draft.question());
        if (question.isEmpty()) {
            throw new InvalidInput("question", "faq-question-required");
        }
        if (question.length() > MAX_QUESTION) {
            throw new InvalidInput("question", "faq-question-too-long", MAX_QUESTION);
        }
        var answer = strip(draft.answer());
        if (answer.isEmpty()) {
            throw new InvalidInput("answer", "faq-answer-required");
        }
        if (answer.length() > MAX_ANSWER) {
            throw new InvalidInput("answer", "faq-answer-too-long", MAX_ANSWER);
        }
        var expectation = strip(draft.expectation());
        if (expectation.length() > MAX_QUESTION) {
            throw new InvalidInput("expectation", "faq-expectation-too-long", MAX_QUESTION);
        }
        var phrasings = new LinkedHashSet<String>();
        for (var phrasing : draft.phrasings() == null ? List.<String>of() : draft.phrasings()) {
            var clean = strip(phrasing);
            if (clean.length() > MAX_QUESTION) {
                throw new InvalidInput("phrasings", "faq-phrasing-too-long", MAX_QUESTION);
            }
            if (!clean.isEmpty() && !clean.equalsIgnoreCase(question)) {
                phrasings.add(clean);
            }
        }
        if (phrasings.size() > MAX_PHRASINGS) {
            throw new InvalidInput("phrasings", "faq-too-many-phrasings", MAX_PHRASINGS);
        }
        return new FaqDraft(language, question, answer, expectation.isEmpty() ? null : expectation,
                List.copyOf(phrasings), draft.article(), draft.action() == null ? FaqAction.NONE : draft.action());
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
