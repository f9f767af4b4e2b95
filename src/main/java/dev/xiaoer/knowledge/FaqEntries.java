package dev.xiaoer.knowledge;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.AfterCommit;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.knowledge.domain.FaqRules;
import dev.xiaoer.knowledge.infra.ArticleIndex;
import dev.xiaoer.knowledge.infra.ArticleRows;
import dev.xiaoer.knowledge.infra.FaqRows;
import dev.xiaoer.knowledge.infra.SynonymRows;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's FAQ entries: the questions the assistant answers on its own. Anyone on the team
 * keeps them; every change is in this node's index once it commits, and in the others' after their
 * catch-up.
 */
@Service
public class FaqEntries {

    private final FaqRows faqs;
    private final ArticleRows articles;
    private final ArticleIndex index;
    private final SynonymRows synonyms;
    private final Clock clock;

    FaqEntries(FaqRows faqs, ArticleRows articles, ArticleIndex index, SynonymRows synonyms, Clock clock) {
        this.faqs = faqs;
        this.articles = articles;
        this.index = index;
        this.synonyms = synonyms;
        this.clock = clock;
    }

    /**
     * A new FAQ entry; the assistant can match it at once.
     *
     * @throws InvalidInput for the first field that breaks a rule, an article the workspace does not have, or
     *                      when the workspace has too many entries
     */
    @Transactional
    public Faq add(Actor actor, FaqDraft draft) {
        var checked = checkFaq(actor.workspace(), draft);
        if (faqs.count(actor.workspace()) >= FaqRules.MAX_FAQS) {
            throw new InvalidInput("question", "too-many-faqs", FaqRules.MAX_FAQS);
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var faq = new Faq(FaqId.random(), actor.workspace(), checked.language(), checked.question(), checked.answer(),
                checked.expectation(), checked.phrasings(), checked.article(), checked.action(), 1, now, now);
        faqs.insert(faq);
        reindex(faq, false);
        return faq;
    }

    /** Replaces the entry's question, answer, phrasings, article and action. */
    @Transactional
    public Faq revise(Actor actor, FaqId id, FaqDraft draft) {
        var current = get(actor.workspace(), id);
        var checked = checkFaq(actor.workspace(), draft);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var faq = new Faq(id, actor.workspace(), checked.language(), checked.question(), checked.answer(),
                checked.expectation(), checked.phrasings(), checked.article(), checked.action(), current.version() + 1,
                current.createdAt(), now.isAfter(current.updatedAt()) ? now : current.updatedAt().plusNanos(1000));
        if (!faqs.update(faq)) {
            throw new NotFound("faq", id);
        }
        reindex(faq, false);
        return faq;
    }

    @Transactional
    public void delete(Actor actor, FaqId id) {
        var faq = get(actor.workspace(), id);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!faqs.delete(actor.workspace(), id, now.isAfter(faq.updatedAt()) ? now : faq.updatedAt().plusNanos(1000))) {
            throw new NotFound("faq", id);
        }
        reindex(faq, true);
    }

    @Transactional(readOnly = true)
    public Faq get(WorkspaceId workspace, FaqId id) {
        return faqs.find(workspace, id).orElseThrow(() -> new NotFound("faq", id));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Faq> find(WorkspaceId workspace, FaqId id) {
        return faqs.find(workspace, id);
    }

    /** The workspace's FAQ entries by question. */
    @Transactional(readOnly = true)
    public List<Faq> list(WorkspaceId workspace) {
        return faqs.list(workspace, FaqRules.MAX_FAQS);
    }

    /**
     * A token that changes whenever any of the workspace's entries is added, changed or deleted, on
     * any node: what a model trained on the entries checks to know it is stale.
     */
    @Transactional(readOnly = true)
    public String revision(WorkspaceId workspace) {
        return faqs.revision(workspace);
    }

    /**
     * The FAQ entries whose question or phrasings match the customer's words best (BM25 over Chinese and
     * English analysis, with the workspace's synonyms), each once, best first: the lexical half of the
     * assistant's retrieval.
     */
    public List<FaqMatch> match(WorkspaceId workspace, String words, int limit) {
        var text = words == null ? "" : words.strip();
        if (text.length() > KnowledgeBase.MAX_QUERY_LENGTH) {
            text = text.substring(0, KnowledgeBase.MAX_QUERY_LENGTH);
        }
        return index.matchFaqs(workspace, synonyms.current(workspace).expand(text),
                Math.clamp(limit, 1, KnowledgeBase.MAX_SEARCH_RESULTS));
    }

    private FaqDraft checkFaq(WorkspaceId workspace, FaqDraft draft) {
        var checked = FaqRules.check(draft);
        if (checked.article() != null && articles.find(workspace, checked.article()).isEmpty()) {
            throw new InvalidInput("article", "faq-article-unknown");
        }
        return checked;
    }

    private void reindex(Faq faq, boolean deleted) {
        AfterCommit.run(() -> {
            index.apply(faq, deleted);
            index.refresh();
        });
    }
}
