package dev.xiaoer.nlu;

import dev.xiaoer.nlu.internal.LexicalFeatures;
import dev.xiaoer.nlu.internal.Softmax;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * Whether two questions ask the same thing: the test behind "a customer's question matches this FAQ
 * phrasing". A logistic regression, trained on labelled pairs, reads the two sentence embeddings
 * (their element-wise product and difference, and their cosines) and how much of the two texts'
 * words and characters they share. The decision threshold is chosen on a held-out fifth of the
 * training pairs, split so that pairs sharing a sentence stay on one side, never on test data.
 * <p>
 * Immutable and safe for concurrent use once trained.
 */
public final class PairMatcher {

    public record Pair(String first, String second, boolean same) {
        public Pair {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }
    }

    public record Summary(String model, int pairs, int features, int epochs, double l2, double threshold,
                          String validation, Duration trainingTime) {
    }

    private static final long SEED = 42;
    private static final int SCALARS = 6;

    private final Function<String, float[]> encoder;
    private final boolean withVectors;
    private final LexicalFeatures lexicon;
    private final Softmax model;
    private final double threshold;
    private final Summary summary;

    private PairMatcher(Function<String, float[]> encoder, boolean withVectors, LexicalFeatures lexicon, Softmax model,
                        double threshold, Summary summary) {
        this.encoder = encoder;
        this.withVectors = withVectors;
        this.lexicon = lexicon;
        this.model = model;
        this.threshold = threshold;
        this.summary = summary;
    }

    public static PairMatcher train(List<Pair> pairs, SentenceEncoder encoder) {
        return train(pairs, encoder::encode, encoder.model().displayName());
    }

    /** @throws IllegalArgumentException unless both same and different pairs are given */
    public static PairMatcher train(List<Pair> pairs, Function<String, float[]> encoder, String modelName) {
        long started = System.nanoTime();
        if (pairs.stream().noneMatch(Pair::same) || pairs.stream().allMatch(Pair::same)) {
            throw new IllegalArgumentException("Training needs pairs that match and pairs that do not");
        }
        Map<String, float[]> vectors = new HashMap<>();
        for (Pair pair : pairs) {
            vectors.computeIfAbsent(pair.first(), encoder);
            vectors.computeIfAbsent(pair.second(), encoder);
        }
        int[] labels = pairs.stream().mapToInt(pair -> pair.same() ? 1 : 0).toArray();
        // About 3,000 optimiser steps: many passes over a small set, ten over a large one.
        int epochs = Math.clamp(3000 / ((pairs.size() + 31) / 32), 10, 1000);
        double l2 = 0.01 / pairs.size();

        boolean[] heldOut = holdOutByConnectedSentences(pairs);
        List<Pair> fitting = new ArrayList<>();
        List<Pair> checking = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            (heldOut[i] ? checking : fitting).add(pairs.get(i));
        }
        double threshold = 0.5;
        boolean withVectors = false;
        String validation = "none (too few groups of pairs)";
        boolean bothKindsHeldOut = checking.stream().anyMatch(Pair::same) && checking.stream().anyMatch(pair -> !pair.same());
        boolean bothKindsFitted = fitting.stream().anyMatch(Pair::same) && fitting.stream().anyMatch(pair -> !pair.same());
        if (bothKindsHeldOut && bothKindsFitted) {
            // Two feature sets compete on the held-out pairs: the similarity scores alone, and the
            // scores with the two vectors' products and differences (more to learn from, more to overfit).
            double bestAccuracy = -1;
            for (boolean vectorsToo : new boolean[]{false, true}) {
                PairMatcher trial = fit(fitting, vectors::get, vectorsToo, epochs, l2, 0.5);
                double[] chosen = bestThreshold(trial, checking);
                if (chosen[1] > bestAccuracy) {
                    bestAccuracy = chosen[1];
                    threshold = chosen[0];
                    withVectors = vectorsToo;
                }
            }
            validation = "a fifth of the training pairs held out, pairs sharing a sentence kept together";
        }
        PairMatcher fitted = fit(pairs, vectors::get, withVectors, epochs, l2, threshold);
        if (validation.startsWith("none")) {
            threshold = bestThreshold(fitted, pairs)[0];
            validation = "the training pairs themselves (too few separate groups of pairs to hold some out)";
        }
        int dimensions = vectors.values().iterator().next().length;
        Summary summary = new Summary(modelName, pairs.size(), (withVectors ? 2 * dimensions : 0) + SCALARS, epochs, l2,
                threshold, validation,
                Duration.ofNanos(System.nanoTime() - started));
        return new PairMatcher(encoder, withVectors, fitted.lexicon, fitted.model, threshold, summary);
    }

    /** The probability that the two texts ask the same, after training's calibration. */
    public double probability(String first, String second) {
        return probability(first, encoder.apply(first), second, encoder.apply(second));
    }

    public boolean same(String first, String second) {
        return probability(first, second) >= threshold;
    }

    public Summary summary() {
        return summary;
    }

    private double probability(String first, float[] u, String second, float[] v) {
        float[] out = new float[2];
        model.probabilities(features(lexicon, withVectors, first, u, second, v), out);
        return out[1];
    }

    private static PairMatcher fit(List<Pair> pairs, Function<String, float[]> vectors, boolean withVectors, int epochs,
                                   double l2, double threshold) {
        List<String> sentences = new ArrayList<>();
        for (Pair pair : pairs) {
            sentences.add(pair.first());
            sentences.add(pair.second());
        }
        LexicalFeatures lexicon = LexicalFeatures.fit(sentences, 2, 200_000);
        float[][] x = new float[pairs.size()][];
        int[] y = new int[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            x[i] = features(lexicon, withVectors, pair.first(), vectors.apply(pair.first()), pair.second(),
                    vectors.apply(pair.second()));
            y[i] = pair.same() ? 1 : 0;
        }
        Softmax model = Softmax.train(x, y, 2, l2, epochs, SEED);
        return new PairMatcher(vectors, withVectors, lexicon, model, threshold, null);
    }

    /** The threshold with the most held-out pairs right, and that share. */
    private static double[] bestThreshold(PairMatcher trial, List<Pair> checking) {
        double[] p = checking.stream().mapToDouble(pair -> trial.probability(pair.first(), pair.second())).toArray();
        double best = 0.5;
        int bestRight = -1;
        for (int step = 1; step < 100; step++) {
            double threshold = step / 100.0;
            int right = 0;
            for (int i = 0; i < p.length; i++) {
                if ((p[i] >= threshold) == checking.get(i).same()) {
                    right++;
                }
            }
            if (right > bestRight) {
                best = threshold;
                bestRight = right;
            }
        }
        return new double[]{best, (double) bestRight / p.length};
    }

    private static float[] features(LexicalFeatures lexicon, boolean withVectors, String first, float[] u, String second,
                                    float[] v) {
        int d = u.length;
        int half = d / 2;
        float[] x = new float[(withVectors ? 2 * d : 0) + SCALARS];
        float clsCosine = 0;
        float meanCosine = 0;
        for (int i = 0; i < d; i++) {
            float product = u[i] * v[i];
            if (withVectors) {
                x[i] = product * d;
                x[d + i] = Math.abs(u[i] - v[i]) * (float) Math.sqrt(d);
            }
            if (i < half) {
                clsCosine += product;
            } else {
                meanCosine += product;
            }
        }
        int s = withVectors ? 2 * d : 0;
        x[s] = 2 * clsCosine;
        x[s + 1] = 2 * meanCosine;
        x[s + 2] = lexicon.transform(first).dot(lexicon.transform(second));
        x[s + 3] = (float) jaccard(first, second);
        int a = first.codePointCount(0, first.length());
        int b = second.codePointCount(0, second.length());
        x[s + 4] = Math.max(a, b) == 0 ? 1 : (float) Math.min(a, b) / Math.max(a, b);
        x[s + 5] = first.equals(second) ? 1 : 0;
        return x;
    }

    private static double jaccard(String first, String second) {
        var a = first.codePoints().boxed().collect(java.util.stream.Collectors.toSet());
        var b = second.codePoints().boxed().collect(java.util.stream.Collectors.toSet());
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / (a.size() + b.size() - shared);
    }

    /** Marks about a fifth of the pairs, whole groups of pairs linked by a shared sentence at a time. */
    private static boolean[] holdOutByConnectedSentences(List<Pair> pairs) {
        Map<String, String> parent = new HashMap<>();
        for (Pair pair : pairs) {
            union(parent, pair.first(), pair.second());
        }
        Map<String, Boolean> groupHeldOut = new HashMap<>();
        Random random = new Random(SEED);
        boolean[] heldOut = new boolean[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            String group = find(parent, pairs.get(i).first());
            heldOut[i] = groupHeldOut.computeIfAbsent(group, g -> random.nextInt(5) == 0);
        }
        return heldOut;
    }

    private static String find(Map<String, String> parent, String sentence) {
        String root = sentence;
        while (!parent.getOrDefault(root, root).equals(root)) {
            root = parent.get(root);
        }
        String at = sentence;
        while (!at.equals(root)) {
            String next = parent.get(at);
            parent.put(at, root);
            at = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String first, String second) {
        String a = find(parent, first);
        String b = find(parent, second);
        if (!a.equals(b)) {
            parent.put(a, b);
        }
    }
}
