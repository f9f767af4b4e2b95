package dev.xiaoer.knowledge.infra;

import dev.xiaoer.knowledge.Article;
import dev.xiaoer.knowledge.ArticleHit;
import dev.xiaoer.knowledge.ArticleId;
import dev.xiaoer.knowledge.Faq;
import dev.xiaoer.knowledge.FaqId;
import dev.xiaoer.knowledge.FaqMatch;
import dev.xiaoer.knowledge.domain.Markdown;
import dev.xiaoer.workspace.WorkspaceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This node's search index of published articles and of FAQ entries' questions and phrasings (one
 * document per phrasing), Apache Lucene in process. Chinese articles are
 * analysed with smartcn (word segmentation), the others with the English analyser (stemming, stop
 * words); a query is analysed both ways and matches titles (and tags) above bodies, always within
 * one workspace. The index lives in a temporary folder of its own and is never the source of truth:
 * {@link ArticleIndexing} builds it from the database at start and keeps it current.
 */
@Component
public class ArticleIndex implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

    private static final String TYPE = "type";
    private static final String ARTICLE = "article";
    private static final String FAQ = "faq";
    private static final String FAQ_ID = "faq_id";
    private static final String PHRASING = "phrasing";
    private static final String QUESTION = "question";
    private static final String ID = "id";
    private static final String WORKSPACE = "workspace";
    private static final String LANGUAGE = "language";
    private static final String SLUG = "slug";
    private static final String TITLE = "title";
    private static final String[] BODIES = {"body_zh", "body_en"};
    private static final float TITLE_BOOST = 3f;
    /** Bodies keep their words' offsets, so snippets come from the index without analysing the text again. */
    private static final FieldType BODY = bodyType();

    private final Path folder;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final QueryBuilder chinese;
    private final QueryBuilder english;

    ArticleIndex() throws IOException {
        var smartcn = new SmartChineseAnalyzer();
        var en = new EnglishAnalyzer();
        analyzer = new PerFieldAnalyzerWrapper(en, Map.of("title_zh", smartcn, "body_zh", smartcn));
        chinese = new QueryBuilder(smartcn);
        english = new QueryBuilder(en);
        folder = Files.createTempDirectory("xiaoer-knowledge-index");
        writer = new IndexWriter(new MMapDirectory(folder), new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(32));
        searchers = new SearcherManager(writer, new SearcherFactory());
    }

    /** Puts the article's current text into the index, or takes it out when it is not published. */
    public void apply(Article article) {
        try {
            if (article.isPublished()) {
                writer.updateDocument(new Term(ID, article.id().toString()), document(article));
            } else {
                writer.deleteDocuments(new Term(ID, article.id().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what {@link #apply} did visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The workspace's published articles that match the text best, with highlighted snippets; none for a
     * text without a word to search by.
     */
    public List<ArticleHit> search(WorkspaceId workspace, String text, int limit) {
        var words = matching(text);
        if (words == null) {
            return List.of();
        }
        var query = within(ARTICLE, workspace, words);
        return read(searcher -> {
            var top = searcher.search(query, limit);
            var highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                    .withMaxNoHighlightPassages(1)
                    .build();
            var snippets = highlighter.highlightFields(BODIES, query, top, new int[] {2, 2});
            var stored = searcher.storedFields();
            var hits = new ArrayList<ArticleHit>();
            for (var i = 0; i < top.scoreDocs.length; i++) {
                var hit = top.scoreDocs[i];
                var document = stored.document(hit.doc);
                var position = i;
                var snippet = Stream.of(BODIES).map(field -> snippets.get(field)[position])
                        .filter(s -> s != null && !s.isBlank()).findFirst().orElse("");
                hits.add(new ArticleHit(ArticleId.parse(document.get(ID)), document.get(SLUG), document.get(LANGUAGE),
                        document.get(TITLE), snippet, hit.score));
            }
            return hits;
        });
    }

    /** Puts the entry's question and phrasings into the index, or takes them out when it was deleted. */
    public void apply(Faq faq, boolean deleted) {
        var id = new Term(FAQ_ID, faq.id().toString());
        try {
            if (deleted) {
                writer.deleteDocuments(id);
                return;
            }
            var language = faq.language().startsWith("zh") ? "zh" : "en";
            var texts = new ArrayList<String>();
            texts.add(faq.question());
            texts.addAll(faq.phrasings());
            var documents = new ArrayList<Document>();
            for (var text : texts) {
                var document = new Document();
                document.add(new StringField(TYPE, FAQ, Field.Store.NO));
                document.add(new StringField(FAQ_ID, faq.id().toString(), Field.Store.YES));
                document.add(new StringField(WORKSPACE, faq.workspace().value().toString(), Field.Store.NO));
                document.add(new StoredField(QUESTION, faq.question()));
                document.add(new StoredField(PHRASING, text));
                document.add(new TextField("title_" + language, text, Field.Store.NO));
                documents.add(document);
            }
            // One atomic replacement: the catch-up may apply the same entry at the same time, and a
            // search between a separate delete and add would miss the entry.
            writer.updateDocuments(id, documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The workspace's FAQ entries whose question or a phrasing matches the words best, each entry once
     * (by its best phrasing), best first.
     */
    public List<FaqMatch> matchFaqs(WorkspaceId workspace, String text, int limit) {
        var words = matching(text);
        if (words == null) {
            return List.of();
        }
        var query = within(FAQ, workspace, words);
        return read(searcher -> {
            var top = searcher.search(query, limit * 5);
            var stored = searcher.storedFields();
            var matches = new LinkedHashMap<String, FaqMatch>();
            for (var hit : top.scoreDocs) {
                var document = stored.document(hit.doc);
                var id = document.get(FAQ_ID);
                if (!matches.containsKey(id) && matches.size() < limit) {
                    matches.put(id, new FaqMatch(new FaqId(UUID.fromString(id)), document.get(QUESTION),
                            document.get(PHRASING), hit.score));
                }
            }
            return List.copyOf(matches.values());
        });
    }

    /** How many documents the index holds (articles and phrasings, all workspaces). */
    public int size() {
        return read(searcher -> searcher.getIndexReader().numDocs());
    }

    /** One kind of document of one workspace, matching the words. */
    private static Query within(String type, WorkspaceId workspace, Query words) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, type)), Occur.FILTER)
                .add(new TermQuery(new Term(WORKSPACE, workspace.value().toString())), Occur.FILTER)
                .add(words, Occur.MUST)
                .build();
    }

    @FunctionalInterface
    private interface Read<T> {
        T from(IndexSearcher searcher) throws IOException;
    }

    /** What the read finds in the index as it is now, on a searcher held only meanwhile. */
    private <T> T read(Read<T> read) {
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            return read.from(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private void release(IndexSearcher searcher) {
        if (searcher != null) {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                log.warn("Could not release a knowledge index searcher", e);
            }
        }
    }

    /** The words of the text as a query over titles and bodies in both analyses; null if it has none. */
    private Query matching(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var any = new BooleanQuery.Builder();
        var clauses = 0;
        for (var part : List.of(new Part(chinese, "title_zh", TITLE_BOOST), new Part(chinese, "body_zh", 1f),
                new Part(english, "title_en", TITLE_BOOST), new Part(english, "body_en", 1f))) {
            var query = part.builder().createBooleanQuery(part.field(), text);
            if (query != null) {
                any.add(new BoostQuery(query, part.boost()), Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    private record Part(QueryBuilder builder, String field, float boost) {
    }

    private static Document document(Article article) {
        var language = article.language().startsWith("zh") ? "zh" : "en";
        var document = new Document();
        document.add(new StringField(TYPE, ARTICLE, Field.Store.NO));
        document.add(new StringField(ID, article.id().toString(), Field.Store.YES));
        document.add(new StringField(WORKSPACE, article.workspace().value().toString(), Field.Store.NO));
        document.add(new StringField(LANGUAGE, article.language(), Field.Store.YES));
        document.add(new StoredField(SLUG, article.slug()));
        document.add(new StoredField(TITLE, article.title()));
        document.add(new TextField("title_" + language, article.title() + "\n" + String.join(" ", article.tags()),
                Field.Store.NO));
        document.add(new Field("body_" + language, Markdown.text(article.body()), BODY));
        return document;
    }

    private static FieldType bodyType() {
        var type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
