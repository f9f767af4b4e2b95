package dev.xiaoer.nlu;

import dev.xiaoer.nlu.internal.LexicalFeatures;
import dev.xiaoer.nlu.internal.NearestNeighbours;
import dev.xiaoer.nlu.internal.Calibration;
import dev.xiaoer.nlu.internal.Probabilities;
import dev.xiaoer.nlu.internal.Softmax;
import dev.xiaoer.nlu.internal.SparseSoftmax;
import dev.xiaoer.nlu.internal.SparseVector;
import dev.xiaoer.nlu.internal.Validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which of a set of known intents a text asks for, learned from example phrasings in seconds, with
 * no fine-tuning of the language model. Three views of a text are fused:
 * <ol>
 * <li>a softmax regression over its sentence embedding,</li>
 * <li>a vote of its nearest example phrasings by cosine of the embeddings,</li>
 * <li>a softmax regression over its words and character n-grams (TF-IDF).</li>
 * </ol>
 * Their probabilities are mixed with weights chosen on held-out training examples, then a temperature
 * fitted on the same examples makes the confidence honest (a 0.8 is right about 80% of the time).
 * When the examples have an out-of-scope label ({@value #OUT_OF_SCOPE}), a confidence threshold below
 * which the answer is out of scope is chosen there too. Test data is never seen while training.
 * <p>
 * Immutable and safe for concurrent use once trained.
 */
public final class IntentClassifier {

    /** The label of examples that are none of the intents. */
    public static final String OUT_OF_SCOPE = "oos";

    /** A phrasing and the intent it expresses. */
    public record Example(String text, String label) {
        public Example {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(label, "label");
        }
    }

    /** An intent and how likely it is, after calibration. */
    public record Scored(String label, double probability) {
    }

    /**
     * What the classifier found: the intents from most to least likely (at most five), the label it
     * settles on ({@value #OUT_OF_SCOPE} when confidence is under the threshold), and the cosine
     * similarity of the closest example phrasing, which tells a question nobody wrote an example
     * for even when one intent beats the others.
     */
    public record Prediction(String label, List<Scored> ranked, double nearestSimilarity) {
        public double confidence() {
            return ranked.isEmpty() ? 0 : ranked.getFirst().probability();
        }
    }

    /**
     * How the classifier was trained, for people checking a model. {@code heldOutAccuracy} is the share
     * of the held-out training examples it got right with the settings chosen on them, each by heads
     * trained without it; NaN when there were too few examples to hold some out.
     */
    public record Summary(String model, int examples, int intents, int lexicalFeatures, int epochs, double l2,
                          double denseWeight, double neighbourWeight, double lexicalWeight, double temperature,
                          double outOfScopeThreshold, String validation, double heldOutAccuracy, Duration trainingTime) {
    }

    private static final int NEIGHBOURS = 40;
    /** How many intents a prediction ranks. */
    private static final int RANKED = 5;
    /** The neighbours are looked for among the intents the softmax heads rank this high. */
    private static final int CANDIDATES_PER_HEAD = 10;
    /** Without softmax heads, among the intents with the nearest centroids. */
    private static final int CANDIDATES_BY_CENTROID = 40;
    private static final float NEIGHBOUR_TEMPERATURE = 0.02f;
    /** The lexical head's weights are features × intents floats; beyond this the rarest features go. */
    private static final long LEXICAL_WEIGHT_BUDGET = 16_000_000;
    private static final long SEED = 42;
    /** Multiply-adds a softmax head may cost to train: some seconds on one core. */
    private static final long TRAINING_BUDGET = 20_000_000_000L;
    /** Terms of a typical short text (words, word pairs, character n-grams), to price the lexical head. */
    private static final long TYPICAL_LEXICAL_TERMS = 250;

    private final Function<String, float[]> encoder;
    private final String[] labels;
    private final Heads heads;
    private final double[] mix;
    private final double temperature;
    private final double threshold;
    private final Summary summary;

    private IntentClassifier(Function<String, float[]> encoder, String[] labels, Heads heads, double[] mix,
                             double temperature, double threshold, Summary summary) {
        this.encoder = encoder;
        this.labels = labels;
        this.heads = heads;
        this.mix = mix;
        this.temperature = temperature;
        this.threshold = threshold;
        this.summary = summary;
    }

    /** Trains on the examples with the sentence encoder of their language. */
    public static IntentClassifier train(List<Example> examples, SentenceEncoder encoder) {
        return train(examples, encoder::encode, encoder.model().displayName());
    }

    /**
     * Trains on the examples.
     *
     * @param encoder   text to unit vector, the same function {@link #classify} will use
     * @param modelName how the encoder is named in the {@link #summary()}
     * @throws IllegalArgumentException without examples, or with fewer than two intents
     */
    public static IntentClassifier train(List<Example> examples, Function<String, float[]> encoder, String modelName) {
        long started = System.nanoTime();
        Map<String, Integer> index = new LinkedHashMap<>();
        examples.stream().map(Example::label).sorted().forEach(label -> index.putIfAbsent(label, index.size()));
        if (index.size() < 2) {
            throw new IllegalArgumentException("A classifier needs examples of at least two intents");
        }
        String[] labels = index.keySet().toArray(String[]::new);
        int[] y = examples.stream().mapToInt(example -> index.get(example.label())).toArray();
        List<String> texts = examples.stream().map(Example::text).toList();
        float[][] vectors = texts.stream().map(encoder).toArray(float[][]::new);
        Training training = new Training(texts, vectors, y, labels.length);

        Validation validation = Validation.plan(y, labels.length, SEED);
        double[] mix = training.defaultMix();
        double temperature = 1;
        double threshold = 0;
        double heldOutAccuracy = Double.NaN;
        if (validation != null) {
            HeldOut heldOut = training.outOfFoldProbabilities(validation);
            mix = Calibration.bestMix(heldOut.views(), heldOut.labels(), training.affordableViews());
            float[][] fused = Calibration.fuse(heldOut.views(), mix);
            temperature = Calibration.bestTemperature(fused, heldOut.labels());
            Integer outOfScope = index.get(OUT_OF_SCOPE);
            if (outOfScope != null) {
                for (float[] p : fused) {
                    Probabilities.temper(p, temperature);
                }
                threshold = Calibration.bestThreshold(fused, heldOut.labels(), outOfScope);
            }
            heldOutAccuracy = Calibration.accuracy(fused, heldOut.labels(), outOfScope == null ? -1 : outOfScope, threshold);
        }
        Heads heads = training.fit(Training.all(y.length), mix);
        Summary summary = new Summary(modelName, examples.size(), labels.length, heads.lexicalFeatures(),
                training.epochs(), training.l2(), mix[0], mix[1], mix[2], temperature, threshold,
                validation == null ? "none (too few examples per intent)" : validation.describe(), heldOutAccuracy,
                Duration.ofNanos(System.nanoTime() - started));
        return new IntentClassifier(encoder, labels, heads, mix, temperature, threshold, summary);
    }

    public Prediction classify(String text) {
        String safe = text == null ? "" : text;
        return classify(safe, encoder.apply(safe));
    }

    /** Like {@link #classify(String)} for a text already encoded by the same encoder. */
    public Prediction classify(String text, float[] vector) {
        float[][] views = new float[3][labels.length];
        float nearest = heads.probabilities(text, vector, views, mix);
        float[] p = Calibration.fuse(views, mix);
        Probabilities.temper(p, temperature);
        int[] order = Probabilities.top(p, RANKED);
        List<Scored> ranked = new ArrayList<>(order.length);
        for (int c : order) {
            ranked.add(new Scored(labels[c], p[c]));
        }
        String label = p[order[0]] < threshold ? OUT_OF_SCOPE : labels[order[0]];
        return new Prediction(label, List.copyOf(ranked), nearest);
    }

    public Summary summary() {
        return summary;
    }

    /**
     * The fitted views. A softmax head is absent when its mixing weight is zero or training it would
     * cost too much (thousands of intents); its probabilities are then zero.
     */
    private record Heads(Softmax dense, NearestNeighbours neighbours, LexicalFeatures lexicon, SparseSoftmax lexical) {

        float probabilities(String text, float[] vector, float[][] out, double[] mix) {
            boolean withDense = dense != null && mix[0] > 0;
            boolean withLexical = lexical != null && mix[2] > 0;
            if (withDense) {
                dense.probabilities(vector, out[0]);
            }
            if (withLexical) {
                lexical.probabilities(lexicon.transform(text), out[2]);
            }
            int[] candidates;
            if (withDense || withLexical) {
                java.util.Set<Integer> union = new java.util.TreeSet<>();
                for (int view : new int[]{0, 2}) {
                    if (view == 0 ? withDense : withLexical) {
                        for (int c : Probabilities.top(out[view], CANDIDATES_PER_HEAD)) {
                            union.add(c);
                        }
                    }
                }
                candidates = union.stream().mapToInt(Integer::intValue).toArray();
            } else {
                candidates = neighbours.nearestClasses(vector, CANDIDATES_BY_CENTROID);
            }
            return neighbours.vote(vector, candidates, out[1]);
        }

        int lexicalFeatures() {
            return lexicon == null ? 0 : lexicon.size();
        }
    }

    /** The training data and the rules that turn it into heads. */
    private static final class Training {
        private final List<String> texts;
        private final float[][] vectors;
        private final int[] labels;
        private final int classes;

        Training(List<String> texts, float[][] vectors, int[] labels, int classes) {
            this.texts = texts;
            this.vectors = vectors;
            this.labels = labels;
            this.classes = classes;
        }

        /** About 3,000 optimiser steps of 32 examples, between 10 and 100 passes over the data. */
        int epochs() {
            int stepsPerEpoch = (labels.length + 31) / 32;
            return Math.clamp((3000 + stepsPerEpoch - 1) / stepsPerEpoch, 10, 100);
        }

        /**
         * Which views are worth training: a softmax head costs intents × features × examples × epochs
         * multiply-adds, too many for thousands of FAQ entries, where the neighbours do the work.
         */
        boolean[] affordableViews() {
            long work = (long) classes * labels.length * epochs();
            return new boolean[]{work * vectors[0].length <= TRAINING_BUDGET, true,
                    work * TYPICAL_LEXICAL_TERMS <= TRAINING_BUDGET};
        }

        /** The mix without held-out examples to choose one. */
        double[] defaultMix() {
            boolean[] affordable = affordableViews();
            double[] mix = {affordable[0] ? 0.4 : 0, 0.4, affordable[2] ? 0.2 : 0};
            double sum = mix[0] + mix[1] + mix[2];
            return new double[]{mix[0] / sum, mix[1] / sum, mix[2] / sum};
        }

        /** Fewer examples want stronger weight decay. */
        double l2() {
            return 0.01 / labels.length;
        }

        static int[] all(int size) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }

        Heads fit(int[] rows, double[] mix) {
            float[][] x = new float[rows.length][];
            int[] y = new int[rows.length];
            List<String> rowTexts = new ArrayList<>(rows.length);
            for (int i = 0; i < rows.length; i++) {
                x[i] = vectors[rows[i]];
                y[i] = labels[rows[i]];
                rowTexts.add(texts.get(rows[i]));
            }
            boolean[] affordable = affordableViews();
            Softmax dense = affordable[0] && (mix == null || mix[0] > 0)
                    ? Softmax.train(x, y, classes, l2(), epochs(), SEED) : null;
            NearestNeighbours neighbours = new NearestNeighbours(x, y, classes, NEIGHBOURS, NEIGHBOUR_TEMPERATURE);
            if (!affordable[2] || (mix != null && mix[2] == 0)) {
                return new Heads(dense, neighbours, null, null);
            }
            LexicalFeatures lexicon = LexicalFeatures.fit(rowTexts, rows.length >= 1000 ? 2 : 1,
                    (int) Math.min(Integer.MAX_VALUE, LEXICAL_WEIGHT_BUDGET / classes));
            SparseVector[] sparse = rowTexts.stream().map(lexicon::transform).toArray(SparseVector[]::new);
            SparseSoftmax lexical = SparseSoftmax.train(sparse, y, lexicon.size(), classes, l2(), epochs(), SEED);
            return new Heads(dense, neighbours, lexicon, lexical);
        }

        /** Each view's probabilities for the held-out examples, each from heads that never saw it. */
        HeldOut outOfFoldProbabilities(Validation validation) {
            float[][][] views = new float[3][labels.length][];
            for (int fold = 0; fold < validation.folds(); fold++) {
                Heads heads = fit(validation.trainingRows(fold), null);
                float[][] out = new float[3][];
                for (int row : validation.heldOutRows(fold)) {
                    for (int v = 0; v < 3; v++) {
                        views[v][row] = new float[classes];
                    }
                    out[0] = views[0][row];
                    out[1] = views[1][row];
                    out[2] = views[2][row];
                    heads.probabilities(texts.get(row), vectors[row], out, new double[]{1, 1, 1});
                }
            }
            int[] heldOut = java.util.stream.IntStream.range(0, labels.length).filter(row -> views[1][row] != null).toArray();
            int[] heldOutLabels = Arrays.stream(heldOut).map(row -> labels[row]).toArray();
            return new HeldOut(new float[][][]{pick(views[0], heldOut), pick(views[1], heldOut),
                    pick(views[2], heldOut)}, heldOutLabels);
        }

        private static float[][] pick(float[][] rows, int[] which) {
            float[][] picked = new float[which.length][];
            for (int i = 0; i < which.length; i++) {
                picked[i] = rows[which[i]];
            }
            return picked;
        }
    }

    /** Probabilities of the three views for held-out examples, and those examples' labels. */
    private record HeldOut(float[][][] views, int[] labels) {
    }
}
