package dev.xiaoer.nlu;

import dev.xiaoer.nlu.internal.LexicalFeatures;
import dev.xiaoer.nlu.internal.Softmax;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether two questions ask the same thing: the test behind "a customer's question matches this FAQ
 * phrasing". A logistic regression, trained on labelled pairs, reads the two sentence embeddings
 * (their cosines, and optionally their element-wise product and difference), how much of the two
 * texts' words, characters and character pairs they share and in what order, whether one denies
 * what the other does not, and whether they ask different kinds of question ("why" against "how");
 * the pairwise products of these scores too. Whether to read the vectors, the number of passes and
 * the decision threshold are chosen on a held-out fifth of the training pairs, split so that pairs
 * sharing a sentence stay on one side, never on test data.
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
    /**
     * Cue words of kinds of question: two texts alike but for "why" against "how", or "how much"
     * against "when", seldom ask the same.
     */
    private static final String[][] QUESTION_KINDS = {
            {"为什么", "为何", "为啥", "怎么会", "咋", "why"},
            {"怎么", "如何", "怎样", "怎么样", "方法", "步骤", "how"},
            {"多少", "几", "额度", "how much", "how many"},
            {"什么时候", "多久", "多长时间", "何时", "几天", "时间", "when", "how long"},
            {"能不能", "可以", "能否", "可不可以", "是否", "能", "吗", "can", "could"},
            {"哪里", "在哪", "哪儿", "哪个", "where", "which"},
            {"什么", "what"},
    };
    private static final String NEGATIONS = "不没未无非别";
    private static final int COMPARED_LENGTH = 512;
    /** Similarity scores of the two texts, before one flag per kind of question asked by one text only. */
    private static final int SCORES = 13;
    private static final int SCALARS = SCORES + QUESTION_KINDS.length;

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
            int baseEpochs = epochs;
            for (boolean vectorsToo : new boolean[]{false, true}) {
                for (int tried : new int[]{baseEpochs, 4 * baseEpochs}) {
                    PairMatcher trial = fit(fitting, vectors::get, vectorsToo, tried, l2, 0.5);
                    double[] chosen = bestThreshold(trial, checking);
                    if (chosen[1] > bestAccuracy) {
                        bestAccuracy = chosen[1];
                        threshold = chosen[0];
                        withVectors = vectorsToo;
                        epochs = tried;
                    }
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
        int features = SCALARS + SCALARS * (SCALARS + 1) / 2 + (withVectors ? 2 * dimensions : 0);
        Summary summary = new Summary(modelName, pairs.size(), features, epochs, l2, threshold, validation,
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
        float[] scalars = scalars(lexicon, first, u, second, v);
        int n = scalars.length;
        int d = u.length;
        // The scores' pairwise products let a linear model weigh, say, a high cosine against a different kind of question.
        int crosses = n * (n + 1) / 2;
        float[] x = new float[n + crosses + (withVectors ? 2 * d : 0)];
        System.arraycopy(scalars, 0, x, 0, n);
        int at = n;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                x[at++] = scalars[i] * scalars[j];
            }
        }
        if (withVectors) {
            for (int i = 0; i < d; i++) {
                x[at + i] = u[i] * v[i] * d;
                x[at + d + i] = Math.abs(u[i] - v[i]) * (float) Math.sqrt(d);
            }
        }
        return x;
    }

    private static float[] scalars(LexicalFeatures lexicon, String first, float[] u, String second, float[] v) {
        int d = u.length;
        int half = d / 2;
        float clsCosine = 0;
        float meanCosine = 0;
        for (int i = 0; i < d; i++) {
            float product = u[i] * v[i];
            if (i < half) {
                clsCosine += product;
            } else {
                meanCosine += product;
            }
        }
        int[] a = first.codePoints().toArray();
        int[] b = second.codePoints().toArray();
        var charsA = Arrays.stream(a).boxed().collect(Collectors.toSet());
        var charsB = Arrays.stream(b).boxed().collect(Collectors.toSet());
        long onlyA = charsA.stream().filter(c -> !charsB.contains(c)).count();
        long onlyB = charsB.stream().filter(c -> !charsA.contains(c)).count();
        float shareOnlyA = charsA.isEmpty() ? 0 : (float) onlyA / charsA.size();
        float shareOnlyB = charsB.isEmpty() ? 0 : (float) onlyB / charsB.size();
        int longer = Math.max(a.length, b.length);
        int shorter = Math.min(a.length, b.length);
        int lcs = longestCommonSubsequence(a, b);
        float kindsDiffer = 0;
        float[] x = new float[SCALARS];
        String wordsA = words(first);
        String wordsB = words(second);
        for (int k = 0; k < QUESTION_KINDS.length; k++) {
            boolean inA = mentions(first, wordsA, QUESTION_KINDS[k]);
            boolean inB = mentions(second, wordsB, QUESTION_KINDS[k]);
            x[SCORES + k] = inA != inB ? 1 : 0;
            kindsDiffer += x[SCORES + k];
        }
        x[0] = 2 * clsCosine;
        x[1] = 2 * meanCosine;
        x[2] = lexicon.transform(first).dot(lexicon.transform(second));
        x[3] = (float) jaccard(charsA, charsB);
        x[4] = longer == 0 ? 1 : (float) shorter / longer;
        x[5] = first.equals(second) ? 1 : 0;
        x[6] = (float) jaccard(bigrams(a), bigrams(b));
        x[7] = Math.max(shareOnlyA, shareOnlyB);
        x[8] = Math.min(shareOnlyA, shareOnlyB);
        x[9] = longer == 0 ? 1 : (float) lcs / longer;
        x[10] = shorter == 0 ? 1 : (float) lcs / shorter;
        x[11] = count(a, NEGATIONS) % 2 != count(b, NEGATIONS) % 2 ? 1 : 0;
        x[12] = kindsDiffer;
        return x;
    }

    /** The text's words, lower-cased, each between spaces. */
    private static String words(String text) {
        return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
    }

    /** Whether the text holds one of the cues; a Latin-script cue only as whole words ("how", not "show"). */
    private static boolean mentions(String text, String words, String[] cues) {
        for (String cue : cues) {
            if (cue.charAt(0) < 0x80 ? words.contains(" " + cue + " ") : text.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    private static int count(int[] text, String characters) {
        int n = 0;
        for (int c : text) {
            if (characters.indexOf(c) >= 0) {
                n++;
            }
        }
        return n;
    }

    private static Set<Long> bigrams(int[] text) {
        var result = new HashSet<Long>();
        for (int i = 0; i + 1 < text.length; i++) {
            result.add(((long) text[i] << 32) | text[i + 1]);
        }
        return result;
    }

    /** Of the texts' first {@value #COMPARED_LENGTH} characters: a question is said in its first lines. */
    private static int longestCommonSubsequence(int[] whole, int[] otherWhole) {
        int[] a = Arrays.copyOf(whole, Math.min(whole.length, COMPARED_LENGTH));
        int[] b = Arrays.copyOf(otherWhole, Math.min(otherWhole.length, COMPARED_LENGTH));
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    private static <T> double jaccard(Set<T> a, Set<T> b) {
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
