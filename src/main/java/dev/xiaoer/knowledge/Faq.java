package dev.xiaoer.knowledge;

import dev.xiaoer.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;

/**
 * An FAQ entry: the standard question, its answer (Markdown), an optional expectation such as
 * "fertilizer shows effect in 7–15 days", other ways customers ask the same (the assistant matches
 * them), an optional article with the whole story and an optional action.
 */
public record Faq(FaqId id, WorkspaceId workspace, String language, String question, String answer,
                  String expectation, List<String> phrasings, ArticleId article, FaqAction action, int version,
                  Instant createdAt, Instant updatedAt) {

    public Faq {
        phrasings = List.copyOf(phrasings);
    }
}
