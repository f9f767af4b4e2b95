package dev.xiaoer.knowledge;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.Role;
import dev.xiaoer.kernel.AfterCommit;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.knowledge.domain.ArticleRules;
import dev.xiaoer.knowledge.domain.Slugs;
import dev.xiaoer.knowledge.domain.Synonyms;
import dev.xiaoer.knowledge.infra.ArticleIndex;
import dev.xiaoer.knowledge.infra.ArticleRows;
import dev.xiaoer.knowledge.infra.CategoryRows;
import dev.xiaoer.knowledge.infra.SynonymRows;
import dev.xiaoer.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's knowledge base. Anyone on the team writes and edits articles; a supervisor or an
 * admin (or an API token) publishes, withdraws and archives them, and is recorded as the reviewer. Every save is a new
 * version, kept; restoring an old version saves it again as the newest. What customers may read (the
 * help center, the search) is the published articles only.
 */
@Service
public class KnowledgeBase {

    public static final int MAX_CATEGORIES = 200;
    public static final int MAX_SEARCH_RESULTS = 50;
    public static final int MAX_QUERY_LENGTH = 200;

    private static final Set<Role> REVIEWERS = EnumSet.of(Role.OWNER, Role.ADMIN, Role.SUPERVISOR);
    private static final int SLUG_TRIES = 50;

    private final ArticleRows articles;
    private final CategoryRows categories;
    private final ArticleIndex index;
    private final SynonymRows synonymRows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    KnowledgeBase(ArticleRows articles, CategoryRows categories, ArticleIndex index, SynonymRows synonymRows,
                  ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.categories = categories;
        this.index = index;
        this.synonymRows = synonymRows;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A new draft; {@code translationOf} makes it another language version of that article.
     *
     * @throws InvalidInput for the first field that breaks a rule, a language the article already has, or a
     *                      category or an article to translate that the workspace does not have
     */
    @Transactional
    public Article write(Actor actor, ArticleDraft draft, ArticleId translationOf) {
        var workspace = actor.workspace();
        var checked = ArticleRules.check(draft);
        checkCategory(workspace, "category", checked.category());
        var group = UUID.randomUUID();
        if (translationOf != null) {
            var original = articles.find(workspace, translationOf)
                    .orElseThrow(() -> new InvalidInput("translationOf", "article-translation-unknown"));
            group = original.translationGroup();
            if (articles.translations(workspace, group).stream().anyMatch(a -> a.language().equals(checked.language()))) {
                throw new InvalidInput("language", "article-language-exists", checked.language());
            }
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var article = new Article(ArticleId.random(), workspace, group, checked.language(),
                freeSlug(workspace, Slugs.of(checked.title())), checked.title(), checked.body(), checked.category(),
                checked.tags(), ArticleStatus.DRAFT, 1, actor.name(), null, now, now, null);
        articles.insert(article);
        articles.insertVersion(article, actor.name(), null);
        return article;
    }

    /**
     * Saves the editor's text as the article's next version. The language stays; a published article
     * stays published, and customers read the new text at once.
     *
     * @param expectedVersion the version the editor started from
     * @throws ArticleChangedMeanwhile when someone saved another version since
     */
    @Transactional
    public Article revise(Actor actor, ArticleId id, ArticleDraft draft, int expectedVersion) {
        var current = get(actor.workspace(), id);
        var checked = ArticleRules.check(new ArticleDraft(draft.title(), draft.body(), current.language(),
                draft.category(), draft.tags()));
        checkCategory(actor.workspace(), "category", checked.category());
        return save(actor, current, expectedVersion, checked.title(), checked.body(), checked.category(),
                checked.tags(), current.status(), current.reviewer(), current.publishedAt(), null);
    }

    /**
     * Brings back the text of an earlier version as the newest one.
     *
     * @throws NotFound when the article has no such version
     */
    @Transactional
    public Article restore(Actor actor, ArticleId id, int version, int expectedVersion) {
        var current = get(actor.workspace(), id);
        var old = articles.version(actor.workspace(), id, version)
                .orElseThrow(() -> new NotFound("article-version", id + " v" + version));
        return save(actor, current, expectedVersion, old.title(), old.body(), current.category(), old.tags(),
                current.status(), current.reviewer(), current.publishedAt(), "restored:" + version);
    }

    /** @throws dev.xiaoer.kernel.BusinessException {@code article-review-forbidden} unless a supervisor or admin */
    @Transactional
    public Article publish(Actor actor, ArticleId id, int expectedVersion) {
        requireReviewer(actor);
        var current = get(actor.workspace(), id);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return save(actor, current, expectedVersion, current.title(), current.body(), current.category(),
                current.tags(), ArticleStatus.PUBLISHED, actor.name(), now, "published");
    }

    /** Takes a published article back to a draft, or archives any article: customers no longer see it. */
    @Transactional
    public Article withdraw(Actor actor, ArticleId id, ArticleStatus to, int expectedVersion) {
        requireReviewer(actor);
        if (to == ArticleStatus.PUBLISHED) {
            throw new InvalidInput("status", "article-status-invalid", to);
        }
        var current = get(actor.workspace(), id);
        return save(actor, current, expectedVersion, current.title(), current.body(), current.category(),
                current.tags(), to, current.reviewer(), current.publishedAt(), to.name().toLowerCase(Locale.ROOT));
    }

    private Article save(Actor actor, Article current, int expectedVersion, String title, String body,
                         CategoryId category, List<String> tags, ArticleStatus status, String reviewer,
                         Instant publishedAt, String note) {
        if (current.version() != expectedVersion) {
            throw new ArticleChangedMeanwhile(current.id(), expectedVersion, current.version());
        }
        // Each save moves updated_at forward, even within one clock tick: other nodes catch up by it.
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var saved = new Article(current.id(), current.workspace(), current.translationGroup(), current.language(),
                current.slug(), title, body, category, tags, status, current.version() + 1, current.author(), reviewer,
                current.createdAt(), now.isAfter(current.updatedAt()) ? now : current.updatedAt().plusNanos(1000),
                publishedAt);
        if (!articles.update(saved, expectedVersion)) {
            var stored = get(actor.workspace(), current.id());
            throw new ArticleChangedMeanwhile(current.id(), expectedVersion, stored.version());
        }
        articles.insertVersion(saved, actor.name(), note);
        if (saved.isPublished()) {
            events.publishEvent(new ArticlePublished(saved.workspace(), saved.id()));
        } else if (current.isPublished()) {
            events.publishEvent(new ArticleWithdrawn(saved.workspace(), saved.id()));
        }
        if (saved.isPublished() || current.isPublished()) {
            AfterCommit.run(() -> {
                index.apply(saved);
                index.refresh();
            });
        }
        return saved;
    }

    @Transactional(readOnly = true)
    public Article get(WorkspaceId workspace, ArticleId id) {
        return articles.find(workspace, id).orElseThrow(() -> new NotFound("article", id));
    }

    /** A published article by its address in the help center. */
    @Transactional(readOnly = true)
    public Optional<Article> published(WorkspaceId workspace, String slug) {
        return articles.findBySlug(workspace, slug).filter(Article::isPublished);
    }

    /** The article in every language it is written in, itself included, by language tag. */
    @Transactional(readOnly = true)
    public List<Article> translations(Article article) {
        return articles.translations(article.workspace(), article.translationGroup());
    }

    /** The workspace's articles, newest change first; {@code status} or {@code category} null for any. */
    @Transactional(readOnly = true)
    public List<Article> list(WorkspaceId workspace, ArticleStatus status, CategoryId category, int limit) {
        return articles.list(workspace, status, category, limit);
    }

    /** Records a reader's "was this helpful?"; only published articles are asked. */
    @Transactional
    public void vote(Article article, boolean helpful) {
        if (article.isPublished()) {
            articles.vote(article, helpful, clock.instant());
        }
    }

    @Transactional(readOnly = true)
    public ArticleVotes votes(WorkspaceId workspace, ArticleId id) {
        return articles.votes(workspace, id);
    }

    /** The article's saved versions, newest first. */
    @Transactional(readOnly = true)
    public List<ArticleVersion> versions(WorkspaceId workspace, ArticleId id) {
        get(workspace, id);
        return articles.versions(workspace, id);
    }

    /**
     * The workspace's published articles matching the words, best first (titles and tags weigh more
     * than bodies); nothing for a blank query. Searches Chinese and English alike.
     */
    public List<ArticleHit> search(WorkspaceId workspace, String query, int limit) {
        var text = query == null ? "" : query.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            text = text.substring(0, MAX_QUERY_LENGTH);
        }
        return index.search(workspace, synonymRows.current(workspace).expand(text), Math.clamp(limit, 1, MAX_SEARCH_RESULTS));
    }

    /** The workspace's synonyms as editors wrote them: one group of words per line. */
    @Transactional(readOnly = true)
    public String synonymText(WorkspaceId workspace) {
        return synonymRows.find(workspace).text();
    }

    /**
     * Replaces the workspace's synonyms with the groups of the text, one per line.
     *
     * @throws InvalidInput when the text has more than {@link Synonyms#MAX_LINES} lines
     */
    @Transactional
    public String saveSynonyms(Actor actor, String text) {
        requireReviewer(actor);
        if (text != null && text.lines().count() > Synonyms.MAX_LINES) {
            throw new InvalidInput("synonyms", "synonyms-too-many", Synonyms.MAX_LINES);
        }
        var synonyms = Synonyms.parse(text);
        synonymRows.save(actor.workspace(), synonyms, clock.instant());
        return synonyms.text();
    }

    /**
     * @throws InvalidInput for a blank or over-long name, a parent the workspace does not have, or when the
     *                      workspace has too many categories
     */
    @Transactional
    public Category addCategory(Actor actor, String name, CategoryId parent) {
        requireReviewer(actor);
        var workspace = actor.workspace();
        var clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidInput("name", "category-name-invalid", 100);
        }
        checkCategory(workspace, "parent", parent);
        var count = categories.count(workspace);
        if (count >= MAX_CATEGORIES) {
            throw new InvalidInput("name", "too-many-categories", MAX_CATEGORIES);
        }
        var base = Slugs.of(clean);
        var slug = base;
        for (var n = 2; categories.findBySlug(workspace, slug).isPresent(); n++) {
            slug = Slugs.numbered(base, n);
        }
        var category = new Category(CategoryId.random(), workspace, parent, clean, slug, count);
        categories.insert(category, clock.instant());
        return category;
    }

    @Transactional(readOnly = true)
    public List<Category> categories(WorkspaceId workspace) {
        return categories.list(workspace);
    }

    @Transactional(readOnly = true)
    public Optional<Category> category(WorkspaceId workspace, String slug) {
        return categories.findBySlug(workspace, slug);
    }

    private void checkCategory(WorkspaceId workspace, String field, CategoryId category) {
        if (category != null && categories.find(workspace, category).isEmpty()) {
            throw new InvalidInput(field, "article-category-invalid");
        }
    }

    private String freeSlug(WorkspaceId workspace, String base) {
        for (var n = 1; n <= SLUG_TRIES; n++) {
            var slug = Slugs.numbered(base, n);
            if (!articles.slugTaken(workspace, slug)) {
                return slug;
            }
        }
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Whether the actor publishes, withdraws and arranges categories: supervisors and admins, and API
     * tokens with write scope (an admin made them for the workspace's own integrations).
     */
    public static boolean mayReview(Actor actor) {
        return actor.type() == Actor.Type.API_TOKEN || actor.role() != null && REVIEWERS.contains(actor.role());
    }

    private static void requireReviewer(Actor actor) {
        if (!mayReview(actor)) {
            throw new ReviewForbidden();
        }
    }
}
