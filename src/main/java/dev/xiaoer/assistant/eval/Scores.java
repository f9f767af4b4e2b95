package dev.xiaoer.assistant.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Accuracy, per-label precision and recall, macro-F1 and calibration of a set of predictions. */
record Scores(int total, int right, Map<String, int[]> counts, String outOfScope) {

    private static final int TRUE_POSITIVE = 0;
    private static final int FALSE_POSITIVE = 1;
    private static final int FALSE_NEGATIVE = 2;

    static Scores of(List<String> truth, List<String> predicted, String outOfScope) {
        Map<String, int[]> counts = new HashMap<>();
        int right = 0;
        for (int i = 0; i < truth.size(); i++) {
            String expected = truth.get(i);
            String got = predicted.get(i);
            counts.computeIfAbsent(expected, label -> new int[3]);
            counts.computeIfAbsent(got, label -> new int[3]);
            if (expected.equals(got)) {
                right++;
                counts.get(expected)[TRUE_POSITIVE]++;
            } else {
                counts.get(got)[FALSE_POSITIVE]++;
                counts.get(expected)[FALSE_NEGATIVE]++;
            }
        }
        return new Scores(truth.size(), right, counts, outOfScope);
    }

    double accuracy() {
        return total == 0 ? 0 : (double) right / total;
    }

    /** The mean F1 over the labels of the test set (a label only ever predicted scores zero too). */
    double macroF1() {
        var labels = new TreeSet<>(counts.keySet());
        return labels.stream().mapToDouble(this::f1).average().orElse(0);
    }

    boolean hasOutOfScope() {
        return outOfScope != null && counts.containsKey(outOfScope);
    }

    double outOfScopePrecision() {
        return precisionOf(outOfScope);
    }

    double outOfScopeRecall() {
        return recallOf(outOfScope);
    }

    double precisionOf(String label) {
        int[] c = counts.getOrDefault(label, new int[3]);
        return c[TRUE_POSITIVE] + c[FALSE_POSITIVE] == 0 ? 0 : (double) c[TRUE_POSITIVE] / (c[TRUE_POSITIVE] + c[FALSE_POSITIVE]);
    }

    double recallOf(String label) {
        int[] c = counts.getOrDefault(label, new int[3]);
        return c[TRUE_POSITIVE] + c[FALSE_NEGATIVE] == 0 ? 0 : (double) c[TRUE_POSITIVE] / (c[TRUE_POSITIVE] + c[FALSE_NEGATIVE]);
    }

    private double f1(String label) {
        double p = precisionOf(label);
        double r = recallOf(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * Expected calibration error over ten confidence bins: how far, on average, the confidence of
     * the top answer is from how often it is right.
     */
    static double expectedCalibrationError(List<String> truth, List<String> predicted, List<Double> confidence) {
        int bins = 10;
        double[] confidenceSum = new double[bins];
        int[] rightCount = new int[bins];
        int[] size = new int[bins];
        for (int i = 0; i < truth.size(); i++) {
            int bin = Math.min(bins - 1, (int) (confidence.get(i) * bins));
            size[bin]++;
            confidenceSum[bin] += confidence.get(i);
            if (Objects.equals(truth.get(i), predicted.get(i))) {
                rightCount[bin]++;
            }
        }
        double error = 0;
        for (int bin = 0; bin < bins; bin++) {
            if (size[bin] > 0) {
                error += Math.abs(confidenceSum[bin] / size[bin] - (double) rightCount[bin] / size[bin]) * size[bin];
            }
        }
        return truth.isEmpty() ? 0 : error / truth.size();
    }
}
