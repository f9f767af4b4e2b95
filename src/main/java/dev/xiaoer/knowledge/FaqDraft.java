package dev.xiaoer.knowledge;

import java.util.List;

/** What an editor writes for an FAQ entry; {@code expectation}, {@code article} and {@code action} may be null. */
public record FaqDraft(String language, String question, String answer, String expectation, List<String> phrasings,
                       ArticleId article, FaqAction action) {
}
