package dev.xiaoer.assistant.internal;

import dev.xiaoer.knowledge.Faq;
import dev.xiaoer.knowledge.FaqId;
import dev.xiaoer.nlu.IntentClassifier;
import dev.xiaoer.nlu.SentenceEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the assistant knows of one workspace's FAQ entries in one language: a classifier trained on
 * their questions and phrasings (one intent per entry). With a single entry there is nothing to
 * tell apart, and the entry's phrasings are compared directly.
 */
public final class FaqModel {

    /**
     * What the model makes of a message: the likeliest entries, how close the nearest phrasing is, and
     * the message's sentence embedding.
     */
    public record Reading(List<Candidate> candidates, double nearestSimilarity, float[] embedding) {
    }

    public record Candidate(Faq faq, double probability) {
    }

    private final Map<FaqId, Faq> faqs;
    private final SentenceEncoder encoder;
    private final IntentClassifier classifier;
    private final List<float[]> singleEntryVectors;
    private final String revision;

    private FaqModel(Map<FaqId, Faq> faqs, SentenceEncoder encoder, IntentClassifier classifier,
                     List<float[]> singleEntryVectors, String revision) {
        this.faqs = faqs;
        this.encoder = encoder;
        this.classifier = classifier;
        this.singleEntryVectors = singleEntryVectors;
        this.revision = revision;
    }

    /** Trains on the entries (all in one language, which {@code encoder} reads); seconds for hundreds of entries. */
    static FaqModel train(List<Faq> entries, SentenceEncoder encoder, String revision) {
        Map<FaqId, Faq> faqs = new LinkedHashMap<>();
        entries.forEach(faq -> faqs.put(faq.id(), faq));
        if (faqs.size() == 1) {
            var faq = entries.getFirst();
            List<float[]> vectors = new ArrayList<>();
            phrasings(faq).forEach(text -> vectors.add(encoder.encode(text)));
            return new FaqModel(faqs, encoder, null, vectors, revision);
        }
        List<IntentClassifier.Example> examples = new ArrayList<>();
        for (Faq faq : entries) {
            phrasings(faq).forEach(text -> examples.add(new IntentClassifier.Example(text, faq.id().toString())));
        }
        var classifier = faqs.isEmpty() ? null : IntentClassifier.train(examples, encoder);
        return new FaqModel(faqs, encoder, classifier, List.of(), revision);
    }

    private static List<String> phrasings(Faq faq) {
        List<String> texts = new ArrayList<>();
        texts.add(faq.question());
        texts.addAll(faq.phrasings());
        return texts;
    }

    public Reading read(String text) {
        float[] vector = encoder.encode(text);
        if (faqs.isEmpty()) {
            return new Reading(List.of(), 0, vector);
        }
        if (classifier == null) {
            double nearest = singleEntryVectors.stream().mapToDouble(v -> SentenceEncoder.cosine(v, vector)).max().orElse(0);
            return new Reading(List.of(new Candidate(faqs.values().iterator().next(), nearest)), nearest, vector);
        }
        var prediction = classifier.classify(text, vector);
        List<Candidate> candidates = prediction.ranked().stream()
                .map(scored -> new Candidate(faqs.get(new FaqId(UUID.fromString(scored.label()))), scored.probability()))
                .toList();
        return new Reading(candidates, prediction.nearestSimilarity(), vector);
    }

    public Faq faq(FaqId id) {
        return faqs.get(id);
    }

    public boolean isEmpty() {
        return faqs.isEmpty();
    }

    String revision() {
        return revision;
    }
}
