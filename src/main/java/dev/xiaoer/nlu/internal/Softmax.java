package dev.xiaoer.nlu.internal;

import java.util.Random;

/**
 * Softmax (multinomial logistic) regression over dense vectors, trained with mini-batch Adam from
 * zero weights, so the same data always gives the same model.
 */
public final class Softmax {

    private final float[][] weights;
    private final float[] bias;

    private Softmax(float[][] weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * @param inputs   one vector per example, all the same length
     * @param labels   each example's class in {@code [0, classes)}
     * @param l2       weight decay added to the gradient
     * @param epochs   passes over the data
     */
    public static Softmax train(float[][] inputs, int[] labels, int classes, double l2, int epochs, long seed) {
        int dimensions = inputs[0].length;
        float[][] weights = new float[classes][dimensions];
        float[] bias = new float[classes];
        Adam adam = new Adam(classes * (dimensions + 1));
        float[][] gradient = new float[classes][dimensions];
        float[] biasGradient = new float[classes];
        float[] probabilities = new float[classes];
        int[] order = Shuffle.identity(inputs.length);
        Random random = new Random(seed);
        int batchSize = 32;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Shuffle.shuffle(order, random);
            for (int start = 0; start < order.length; start += batchSize) {
                int end = Math.min(order.length, start + batchSize);
                for (float[] row : gradient) {
                    java.util.Arrays.fill(row, 0);
                }
                java.util.Arrays.fill(biasGradient, 0);
                for (int n = start; n < end; n++) {
                    float[] x = inputs[order[n]];
                    probabilities(weights, bias, x, probabilities);
                    probabilities[labels[order[n]]] -= 1;
                    for (int c = 0; c < classes; c++) {
                        float g = probabilities[c];
                        if (g == 0) {
                            continue;
                        }
                        float[] row = gradient[c];
                        for (int i = 0; i < dimensions; i++) {
                            row[i] += g * x[i];
                        }
                        biasGradient[c] += g;
                    }
                }
                float scale = 1f / (end - start);
                adam.tick();
                for (int c = 0; c < classes; c++) {
                    float[] w = weights[c];
                    float[] g = gradient[c];
                    int offset = c * (dimensions + 1);
                    for (int i = 0; i < dimensions; i++) {
                        w[i] -= adam.step(offset + i, g[i] * scale + (float) l2 * w[i]);
                    }
                    bias[c] -= adam.step(offset + dimensions, biasGradient[c] * scale);
                }
            }
        }
        return new Softmax(weights, bias);
    }

    /** Class probabilities of one input, written into {@code out}. */
    public void probabilities(float[] input, float[] out) {
        probabilities(weights, bias, input, out);
    }

    private static void probabilities(float[][] weights, float[] bias, float[] x, float[] out) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < weights.length; c++) {
            out[c] = bias[c] + Vectors.dot(weights[c], x);
            max = Math.max(max, out[c]);
        }
        Probabilities.softmaxInPlace(out, max);
    }
}
