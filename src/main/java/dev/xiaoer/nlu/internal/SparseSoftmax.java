package dev.xiaoer.nlu.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Softmax regression over sparse vectors (word features): mini-batch lazy Adam, which steps only the
 * weights of the features a batch contains, from zero weights.
 */
public final class SparseSoftmax {

    /** Weights by feature, then class: a text touches few features, each with a row of classes. */
    private final float[][] weights;
    private final float[] bias;

    private SparseSoftmax(float[][] weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    public static SparseSoftmax train(SparseVector[] inputs, int[] labels, int features, int classes,
                                      double l2, int epochs, long seed) {
        float[][] weights = new float[features][classes];
        float[] bias = new float[classes];
        Adam adam = new Adam((features + 1) * classes);
        float[] probabilities = new float[classes];
        float[] biasGradient = new float[classes];
        int[] order = Shuffle.identity(inputs.length);
        Random random = new Random(seed);
        int batchSize = 32;
        Map<Integer, float[]> gradient = new HashMap<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            Shuffle.shuffle(order, random);
            for (int start = 0; start < order.length; start += batchSize) {
                int end = Math.min(order.length, start + batchSize);
                gradient.clear();
                Arrays.fill(biasGradient, 0);
                for (int n = start; n < end; n++) {
                    SparseVector x = inputs[order[n]];
                    probabilities(weights, bias, x, probabilities);
                    probabilities[labels[order[n]]] -= 1;
                    for (int i = 0; i < x.indexes().length; i++) {
                        float[] row = gradient.computeIfAbsent(x.indexes()[i], f -> new float[classes]);
                        float value = x.values()[i];
                        for (int c = 0; c < classes; c++) {
                            row[c] += probabilities[c] * value;
                        }
                    }
                    for (int c = 0; c < classes; c++) {
                        biasGradient[c] += probabilities[c];
                    }
                }
                float scale = 1f / (end - start);
                adam.tick();
                for (var entry : gradient.entrySet()) {
                    int feature = entry.getKey();
                    float[] w = weights[feature];
                    float[] g = entry.getValue();
                    for (int c = 0; c < classes; c++) {
                        w[c] -= adam.step(feature * classes + c, g[c] * scale + (float) l2 * w[c]);
                    }
                }
                for (int c = 0; c < classes; c++) {
                    bias[c] -= adam.step(features * classes + c, biasGradient[c] * scale);
                }
            }
        }
        return new SparseSoftmax(weights, bias);
    }

    public void probabilities(SparseVector input, float[] out) {
        probabilities(weights, bias, input, out);
    }

    private static void probabilities(float[][] weights, float[] bias, SparseVector x, float[] out) {
        System.arraycopy(bias, 0, out, 0, out.length);
        for (int i = 0; i < x.indexes().length; i++) {
            float[] row = weights[x.indexes()[i]];
            float value = x.values()[i];
            for (int c = 0; c < out.length; c++) {
                out[c] += row[c] * value;
            }
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float logit : out) {
            max = Math.max(max, logit);
        }
        Probabilities.softmaxInPlace(out, max);
    }
}
