package dev.xiaoer.nlu.internal;

/** Turning scores into probabilities. */
public final class Probabilities {

    private Probabilities() {
    }

    /** Replaces logits by their softmax; {@code max} is the largest logit, for numerical safety. */
    static void softmaxInPlace(float[] logits, float max) {
        float sum = 0;
        for (int c = 0; c < logits.length; c++) {
            logits[c] = (float) Math.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < logits.length; c++) {
            logits[c] /= sum;
        }
    }

    /** Sharpens ({@code temperature < 1}) or softens a distribution: p^(1/T), renormalised. */
    public static void temper(float[] probabilities, double temperature) {
        double sum = 0;
        for (int c = 0; c < probabilities.length; c++) {
            probabilities[c] = (float) Math.pow(Math.max(probabilities[c], 1e-12), 1 / temperature);
            sum += probabilities[c];
        }
        for (int c = 0; c < probabilities.length; c++) {
            probabilities[c] /= (float) sum;
        }
    }

    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The indexes of the {@code count} largest values, largest first. */
    public static int[] top(float[] values, int count) {
        int n = Math.min(count, values.length);
        int[] best = new int[n];
        float[] kept = new float[n];
        java.util.Arrays.fill(kept, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < values.length; i++) {
            if (values[i] > kept[n - 1]) {
                int at = n - 1;
                while (at > 0 && kept[at - 1] < values[i]) {
                    kept[at] = kept[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                kept[at] = values[i];
                best[at] = i;
            }
        }
        return best;
    }
}
