package dev.xiaoer.knowledge;

import dev.xiaoer.knowledge.domain.CsvFiles;
import dev.xiaoer.knowledge.domain.FaqRules;
import dev.xiaoer.knowledge.infra.ArticleRows;
import dev.xiaoer.knowledge.infra.CategoryRows;
import dev.xiaoer.knowledge.infra.FaqRows;
import dev.xiaoer.workspace.WorkspaceId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the workspace's FAQ entries and articles to files that {@link KnowledgeImports} reads back:
 * CSV ({@link CsvFiles}) with the columns
 * {@link KnowledgeImports#FAQ_COLUMNS} and {@link KnowledgeImports#ARTICLE_COLUMNS}, or for articles a zip
 * of Markdown files with a front matter. Phrasings are one per line in their cell, tags separated by
 * commas, a linked article and {@code translation_of} by the article's address (slug), so that a file
 * moves between workspaces.
 */
@Service
public class KnowledgeExports {

    private final FaqRows faqs;
    private final ArticleRows articles;
    private final CategoryRows categories;

    KnowledgeExports(FaqRows faqs, ArticleRows articles, CategoryRows categories) {
        this.faqs = faqs;
        this.articles = articles;
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    public void faqsCsv(WorkspaceId workspace, OutputStream out) {
        var slugs = articles.slugs(workspace);
        try (var csv = CsvFiles.printer(out, KnowledgeImports.FAQ_COLUMNS.toArray(String[]::new))) {
            for (var faq : faqs.list(workspace, FaqRules.MAX_FAQS)) {
                csv.printRecord(faq.id(), faq.language(), faq.question(), faq.answer(),
                        faq.expectation() == null ? "" : faq.expectation(), String.join("\n", faq.phrasings()),
                        faq.article() == null ? "" : slugs.getOrDefault(faq.article().value(), ""),
                        faq.action().name().toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(readOnly = true)
    public void articlesCsv(WorkspaceId workspace, OutputStream out) {
        try (var csv = CsvFiles.printer(out, KnowledgeImports.ARTICLE_COLUMNS.toArray(String[]::new))) {
            eachArticle(workspace, (article, values) -> csv.printRecord(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip with one {@code <slug>.md} per article: the columns but the body as a front matter, then the body. */
    @Transactional(readOnly = true)
    public void articlesMarkdown(WorkspaceId workspace, OutputStream out) {
        var keys = KnowledgeImports.ARTICLE_COLUMNS;
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            eachArticle(workspace, (article, values) -> {
                var text = new StringBuilder("---\n");
                for (var i = 0; i < keys.size(); i++) {
                    if (!keys.get(i).equals("body")) {
                        frontMatter(text, keys.get(i), values.get(i));
                    }
                }
                text.append("---\n\n").append(article.body()).append('\n');
                zip.putNextEntry(new ZipEntry(article.slug() + ".md"));
                zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface ArticleWriter {
        void write(Article article, List<String> values) throws IOException;
    }

    /**
     * Each article of the workspace, oldest first, with its values in the order of
     * {@link KnowledgeImports#ARTICLE_COLUMNS}: the category by name, {@code translation_of} the address of
     * the first article of its translation group (empty for that one).
     */
    private void eachArticle(WorkspaceId workspace, ArticleWriter writer) {
        var names = categories.list(workspace).stream().collect(Collectors.toMap(c -> c.id().value(), Category::name));
        var originals = new HashMap<UUID, String>();
        articles.eachOf(workspace, article -> {
            var original = originals.putIfAbsent(article.translationGroup(), article.slug());
            var values = List.of(article.id().toString(), article.language(), article.title(),
                    article.category() == null ? "" : names.getOrDefault(article.category().value(), ""),
                    String.join(", ", article.tags()), article.status().name().toLowerCase(Locale.ROOT),
                    original == null ? "" : original, article.body());
            try {
                writer.write(article, values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    // Read back by ImportFiles: a value is taken as it stands, but outer quotes or brackets would be
    // taken away, so a value that starts with one is quoted.
    private static void frontMatter(StringBuilder text, String key, String value) {
        var line = value.replace('\n', ' ');
        if (line.startsWith("\"") || line.startsWith("'") || line.startsWith("[")) {
            line = "\"" + line + "\"";
        }
        text.append(key).append(": ").append(line).append('\n');
    }
}
