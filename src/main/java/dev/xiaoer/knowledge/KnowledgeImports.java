package dev.xiaoer.knowledge;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.AfterCommit;
import dev.xiaoer.kernel.BusinessException;
import dev.xiaoer.kernel.InvalidInput;
import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.knowledge.domain.ArticleRules;
import dev.xiaoer.knowledge.domain.CsvFiles;
import dev.xiaoer.knowledge.domain.FaqRules;
import dev.xiaoer.knowledge.domain.ImportFiles;
import dev.xiaoer.knowledge.infra.ArticleRows;
import dev.xiaoer.knowledge.infra.CategoryRows;
import dev.xiaoer.knowledge.infra.FaqRows;
import dev.xiaoer.knowledge.infra.ImportRows.Outcome;
import dev.xiaoer.knowledge.infra.ImportRows;
import dev.xiaoer.knowledge.infra.ImportTask;
import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports FAQ entries and articles from files (see {@link KnowledgeExports} for the columns): a
 * supervisor or an admin uploads a file, which is checked as a whole at once and then applied row by
 * row in the background, on whichever node takes the task. Each row is one transaction together
 * with the import's counts: a refused row is reported with its field and reason and the others go
 * on, and an import that stops carries on from where it was. A row names its entry by {@code id},
 * or else (no id, or one of another workspace, as in a file exported there) by its question (FAQ) or
 * title (article) in its language, so importing the same file again changes nothing and creates
 * nothing twice.
 */
@Service
public class KnowledgeImports {

    public static final List<String> FAQ_COLUMNS = List.of("id", "language", "question", "answer", "expectation",
            "phrasings", "article", "action");
    public static final List<String> ARTICLE_COLUMNS = List.of("id", "language", "title", "category", "tags",
            "status", "translation_of", "body");
    public static final int MAX_ERRORS_SHOWN = 1_000;
    static final int MAX_FILE_NAME = 255;

    private static final Logger log = LoggerFactory.getLogger(KnowledgeImports.class);

    private final ImportRows imports;
    private final FaqEntries faqs;
    private final FaqRows faqRows;
    private final KnowledgeBase knowledge;
    private final ArticleRows articles;
    private final CategoryRows categories;
    private final WorkspaceManagement workspaces;
    private final TransactionTemplate transactions;
    private final SchedulerClient scheduler;
    private final MessageSource texts;
    private final Clock clock;

    KnowledgeImports(ImportRows imports, FaqEntries faqs, FaqRows faqRows, KnowledgeBase knowledge,
                     ArticleRows articles, CategoryRows categories, WorkspaceManagement workspaces,
                     PlatformTransactionManager transactions, @Lazy SchedulerClient scheduler, MessageSource texts,
                     Clock clock) {
        this.texts = texts;
        this.imports = imports;
        this.faqs = faqs;
        this.faqRows = faqRows;
        this.knowledge = knowledge;
        this.articles = articles;
        this.categories = categories;
        this.workspaces = workspaces;
        this.transactions = new TransactionTemplate(transactions);
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Accepts a file to import; its rows are applied in the background once this commits.
     *
     * @throws InvalidInput {@code file} when the file cannot be read as a whole (not CSV, an unknown or
     *                      missing column, no rows, too many)
     * @throws ReviewForbidden unless a supervisor, an admin or an API token
     */
    @Transactional
    public KnowledgeImport start(Actor actor, ImportKind kind, String fileName, byte[] content) {
        if (!KnowledgeBase.mayReview(actor)) {
            throw new ReviewForbidden();
        }
        var name = fileName(fileName, kind);
        var table = read(kind, name, content);
        if (table.rows().isEmpty()) {
            throw new InvalidInput("file", "import-empty");
        }
        var started = new KnowledgeImport(ImportId.random(), actor.workspace(), kind, name, ImportStatus.QUEUED,
                table.rows().size(), 0, 0, 0, 0, 0, actor.name(), clock.instant().truncatedTo(ChronoUnit.MICROS), null);
        imports.insert(started, actor, content);
        // db-scheduler runs on the system clock, not the application's.
        AfterCommit.run(() -> scheduler.scheduleIfNotExists(ImportTask.IMPORT.instance(started.id().toString())
                .data(started.id().toString()).scheduledTo(Instant.now())));
        return started;
    }

    @Transactional(readOnly = true)
    public KnowledgeImport get(WorkspaceId workspace, ImportId id) {
        return imports.find(workspace, id).orElseThrow(() -> new NotFound("import", id));
    }

    /** The workspace's latest imports, newest first. */
    @Transactional(readOnly = true)
    public List<KnowledgeImport> recent(WorkspaceId workspace, int limit) {
        return imports.recent(workspace, limit);
    }

    /** The rows the import refused so far, in the file's order, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ImportRowError> errors(WorkspaceId workspace, ImportId id, int limit) {
        get(workspace, id);
        return imports.errors(id, Math.clamp(limit, 1, ImportFiles.MAX_ROWS));
    }

    /**
     * The rows the import refused as CSV: where each was, the file's columns, and the reason in the
     * reader's language, for the editor to correct and import again.
     */
    @Transactional(readOnly = true)
    public void errorReport(WorkspaceId workspace, ImportId id, Locale language, OutputStream out) {
        var job = get(workspace, id);
        var columns = job.kind() == ImportKind.FAQS ? FAQ_COLUMNS : ARTICLE_COLUMNS;
        var header = new ArrayList<String>();
        header.add("row");
        header.addAll(columns);
        header.add("error");
        try (var csv = CsvFiles.printer(out, header.toArray(String[]::new))) {
            for (var error : imports.errors(id, ImportFiles.MAX_ROWS)) {
                var record = new ArrayList<String>();
                record.add(error.source() == null ? String.valueOf(error.row()) : error.source());
                columns.forEach(column -> record.add(error.values().getOrDefault(column, "")));
                record.add(reason(error, language));
                csv.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the row was refused, as the API would have said, in the language. */
    public String reason(ImportRowError error, Locale language) {
        return error.field() + ": " + texts.getMessage("problem." + error.code(), error.arguments().toArray(),
                error.code(), language);
    }

    /**
     * Applies the import's rows from the first one not yet done; what the background task runs. Rows
     * that break a rule are reported; a fault that is not the row's (the database away) stops the run,
     * to be run again.
     */
    public void run(ImportId id) {
        var started = imports.started(id).orElse(null);
        if (started == null || started.knowledgeImport().status().isFinished()) {
            return;
        }
        var job = started.knowledgeImport();
        imports.status(id, ImportStatus.RUNNING);
        var rows = read(job.kind(), job.fileName(), started.content()).rows();
        for (var done = job.processed(); done < rows.size(); done++) {
            var row = rows.get(done);
            var before = done;
            try {
                transactions.executeWithoutResult(status -> {
                    var outcome = job.kind() == ImportKind.FAQS ? faq(started.actor(), row) : article(started.actor(), row);
                    if (!imports.count(id, before, outcome)) {
                        throw new IllegalStateException("Import " + id + " row " + row.number() + " was counted meanwhile");
                    }
                });
            } catch (BusinessException refused) {
                var field = refused instanceof InvalidInput invalid ? invalid.field() : "id";
                refuse(id, before, row, field, refused.code(), refused.arguments());
            } catch (DataIntegrityViolationException refused) {
                log.warn("Import {} row {} refused by the database", id, row.number(), refused);
                refuse(id, before, row, "id", "import-row-refused", new Object[0]);
            }
        }
        imports.finish(id, ImportStatus.DONE, clock.instant());
    }

    /** Marks the import failed for good, keeping what it applied; when its task gives up. */
    public void fail(ImportId id) {
        imports.finish(id, ImportStatus.FAILED, clock.instant());
    }

    private void refuse(ImportId id, int before, ImportFiles.Row row, String field, String code, Object[] arguments) {
        transactions.executeWithoutResult(status -> {
            if (imports.count(id, before, Outcome.FAILED)) {
                imports.insertError(id, new ImportRowError(row.number(), row.source(), field, code,
                        Arrays.stream(arguments).map(String::valueOf).toList(), row.values()));
            }
        });
    }

    private Outcome faq(Actor actor, ImportFiles.Row row) {
        var workspace = actor.workspace();
        var draft = FaqRules.check(new FaqDraft(language(workspace, row), row.value("question"), row.value("answer"),
                row.value("expectation"), row.value("phrasings").lines().toList(), linkedArticle(workspace, row),
                action(row.value("action"))));
        var existing = (row.value("id").isEmpty() ? Optional.<Faq>empty()
                : faqRows.find(workspace, new FaqId(id(row.value("id")))))
                .or(() -> faqRows.findByQuestion(workspace, draft.language(), draft.question()));
        if (existing.isEmpty()) {
            faqs.add(actor, draft);
            return Outcome.CREATED;
        }
        var faq = existing.get();
        if (faq.language().equals(draft.language()) && faq.question().equals(draft.question())
                && faq.answer().equals(draft.answer()) && Objects.equals(faq.expectation(), draft.expectation())
                && faq.phrasings().equals(draft.phrasings()) && Objects.equals(faq.article(), draft.article())
                && faq.action() == draft.action()) {
            return Outcome.UNCHANGED;
        }
        faqs.revise(actor, faq.id(), draft);
        return Outcome.UPDATED;
    }

    private Outcome article(Actor actor, ImportFiles.Row row) {
        var workspace = actor.workspace();
        var status = status(row.value("status"));
        var checked = ArticleRules.check(new ArticleDraft(row.value("title"), row.value("body"),
                language(workspace, row), null, ImportFiles.list(row.value("tags"))));
        var existing = (row.value("id").isEmpty() ? Optional.<Article>empty()
                : articles.find(workspace, new ArticleId(id(row.value("id")))))
                .or(() -> articles.findByTitle(workspace, checked.language(), checked.title()));
        var category = category(actor, row.value("category"));
        var draft = new ArticleDraft(checked.title(), checked.body(), checked.language(), category, checked.tags());
        if (existing.isEmpty()) {
            var translationOf = row.value("translation_of").isEmpty() ? null
                    : articleNamed(workspace, row.value("translation_of"), "translation_of");
            var article = knowledge.write(actor, draft, translationOf);
            moveTo(actor, article, status == null ? ArticleStatus.DRAFT : status);
            return Outcome.CREATED;
        }
        var article = existing.get();
        var changed = !article.title().equals(draft.title()) || !article.body().equals(draft.body())
                || !Objects.equals(article.category(), draft.category()) || !article.tags().equals(draft.tags());
        if (changed) {
            article = knowledge.revise(actor, article.id(), draft, article.version());
        }
        var moved = moveTo(actor, article, status == null ? article.status() : status);
        return changed || moved ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    private boolean moveTo(Actor actor, Article article, ArticleStatus status) {
        if (article.status() == status) {
            return false;
        }
        if (status == ArticleStatus.PUBLISHED) {
            knowledge.publish(actor, article.id(), article.version());
        } else {
            knowledge.withdraw(actor, article.id(), status, article.version());
        }
        return true;
    }

    private CategoryId category(Actor actor, String name) {
        if (name.isEmpty()) {
            return null;
        }
        return categories.findByName(actor.workspace(), name).map(Category::id)
                .orElseGet(() -> knowledge.addCategory(actor, name, null).id());
    }

    private ArticleId linkedArticle(WorkspaceId workspace, ImportFiles.Row row) {
        return row.value("article").isEmpty() ? null : articleNamed(workspace, row.value("article"), "article");
    }

    /** An article by its id or its address (slug). */
    private ArticleId articleNamed(WorkspaceId workspace, String idOrSlug, String field) {
        try {
            return articles.find(workspace, new ArticleId(UUID.fromString(idOrSlug))).map(Article::id)
                    .orElseThrow(() -> new InvalidInput(field, "import-article-unknown", idOrSlug));
        } catch (IllegalArgumentException notAnId) {
            return articles.findBySlug(workspace, idOrSlug.toLowerCase(Locale.ROOT)).map(Article::id)
                    .orElseThrow(() -> new InvalidInput(field, "import-article-unknown", idOrSlug));
        }
    }

    private String language(WorkspaceId workspace, ImportFiles.Row row) {
        return row.value("language").isEmpty() ? workspaces.get(workspace).defaultLanguage().toLanguageTag()
                : row.value("language");
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("id", "import-id-invalid", text);
        }
    }

    private static FaqAction action(String text) {
        if (text.isEmpty()) {
            return FaqAction.NONE;
        }
        try {
            return FaqAction.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("action", "import-action-invalid", text,
                    "none, hand_off, open_claim, show_order_status");
        }
    }

    private static ArticleStatus status(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "import-status-invalid", text, "draft, published, archived");
        }
    }

    private static ImportFiles.Table read(ImportKind kind, String fileName, byte[] content) {
        var name = fileName.toLowerCase(Locale.ROOT);
        var markdown = name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".zip");
        if (kind == ImportKind.FAQS) {
            if (markdown) {
                throw new InvalidInput("file", "import-faqs-csv-only");
            }
            return ImportFiles.csv(content, FAQ_COLUMNS, Set.of("question", "answer"));
        }
        return markdown ? ImportFiles.markdown(fileName, content, ARTICLE_COLUMNS)
                : ImportFiles.csv(content, ARTICLE_COLUMNS, Set.of("title"));
    }

    private static String fileName(String given, ImportKind kind) {
        var name = given == null ? "" : given.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty()) {
            name = kind == ImportKind.FAQS ? "faqs.csv" : "articles.csv";
        }
        return name.length() > MAX_FILE_NAME ? name.substring(name.length() - MAX_FILE_NAME) : name;
    }
}
