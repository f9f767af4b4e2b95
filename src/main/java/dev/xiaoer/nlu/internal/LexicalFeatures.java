package dev.xiaoer.nlu.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * TF-IDF features of the words a text uses: stemmed word unigrams and bigrams (Lucene's English
 * analysis, stop words kept because "not" and "how" matter in a question; Han characters come out
 * one per token) and character 2- to 5-grams, which catch misspellings and Chinese words.
 * Term frequency is sublinear, vectors are unit length. The vocabulary is fixed when fitted.
 */
public final class LexicalFeatures {

    private static final Analyzer WORDS = new EnglishAnalyzer(CharArraySet.EMPTY_SET);

    private final Map<String, Integer> vocabulary;
    private final float[] inverseDocumentFrequency;

    private LexicalFeatures(Map<String, Integer> vocabulary, float[] inverseDocumentFrequency) {
        this.vocabulary = vocabulary;
        this.inverseDocumentFrequency = inverseDocumentFrequency;
    }

    /**
     * Learns the vocabulary: terms in at least {@code minimumDocuments} of the texts, at most
     * {@code maximumTerms} of them, the most frequent first.
     */
    public static LexicalFeatures fit(List<String> texts, int minimumDocuments, int maximumTerms) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (String text : texts) {
            for (String term : terms(text).keySet()) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        List<Float> idf = new ArrayList<>();
        documentFrequency.entrySet().stream()
                .filter(entry -> entry.getValue() >= minimumDocuments)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maximumTerms)
                .forEach(entry -> {
                    vocabulary.put(entry.getKey(), vocabulary.size());
                    idf.add((float) (Math.log((1.0 + texts.size()) / (1.0 + entry.getValue())) + 1));
                });
        float[] inverse = new float[idf.size()];
        for (int i = 0; i < inverse.length; i++) {
            inverse[i] = idf.get(i);
        }
        return new LexicalFeatures(vocabulary, inverse);
    }

    public int size() {
        return inverseDocumentFrequency.length;
    }

    public SparseVector transform(String text) {
        TreeMap<Integer, Float> entries = new TreeMap<>();
        terms(text).forEach((term, count) -> {
            Integer index = vocabulary.get(term);
            if (index != null) {
                entries.put(index, (float) (1 + Math.log(count)) * inverseDocumentFrequency[index]);
            }
        });
        int[] indexes = new int[entries.size()];
        float[] values = new float[entries.size()];
        int i = 0;
        double norm = 0;
        for (var entry : entries.entrySet()) {
            indexes[i] = entry.getKey();
            values[i] = entry.getValue();
            norm += values[i] * values[i];
            i++;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int j = 0; j < values.length; j++) {
            values[j] *= scale;
        }
        return new SparseVector(indexes, values);
    }

    private static Map<String, Integer> terms(String text) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            counts.merge("w:" + words.get(i), 1, Integer::sum);
            if (i > 0) {
                counts.merge("w:" + words.get(i - 1) + ' ' + words.get(i), 1, Integer::sum);
            }
        }
        String characters = ' ' + String.join(" ", text.toLowerCase(Locale.ROOT).trim().split("\\s+")) + ' ';
        int[] codePoints = characters.codePoints().toArray();
        for (int n = 2; n <= 5; n++) {
            for (int start = 0; start + n <= codePoints.length; start++) {
                counts.merge("c:" + new String(codePoints, start, n), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = WORDS.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
