package dev.xiaoer.nlu.internal;

/** Choosing the mix, the temperature and the threshold on held-out probabilities. */
public final class Calibration {

    private Calibration() {
    }

    public static float[] fuse(float[][] views, double[] mix) {
        float[] p = new float[views[0].length];
        for (int v = 0; v < 3; v++) {
            if (mix[v] == 0) {
                continue;
            }
            for (int c = 0; c < p.length; c++) {
                p[c] += (float) mix[v] * views[v][c];
            }
        }
        return p;
    }

    public static float[][] fuse(float[][][] views, double[] mix) {
        float[][] fused = new float[views[0].length][];
        for (int n = 0; n < fused.length; n++) {
            fused[n] = fuse(new float[][]{views[0][n], views[1][n], views[2][n]}, mix);
        }
        return fused;
    }

    /** The mix on a 0.05 grid with the most held-out examples right, the lower log-loss on ties. */
    public static double[] bestMix(float[][][] views, int[] labels, boolean[] available) {
        double[] best = null;
        int bestRight = -1;
        double bestLoss = Double.MAX_VALUE;
        for (int a = 0; a <= 20; a++) {
            for (int b = 0; a + b <= 20; b++) {
                double[] mix = {a / 20.0, b / 20.0, (20 - a - b) / 20.0};
                if ((!available[0] && mix[0] > 0) || (!available[2] && mix[2] > 0)) {
                    continue;
                }
                float[][] fused = fuse(views, mix);
                int right = 0;
                double loss = 0;
                for (int n = 0; n < fused.length; n++) {
                    if (Probabilities.argmax(fused[n]) == labels[n]) {
                        right++;
                    }
                    loss -= Math.log(Math.max(fused[n][labels[n]], 1e-9));
                }
                if (right > bestRight || (right == bestRight && loss < bestLoss)) {
                    best = mix;
                    bestRight = right;
                    bestLoss = loss;
                }
            }
        }
        return best;
    }

    /** The temperature in [0.1, 3] with the lowest held-out log-loss. */
    public static double bestTemperature(float[][] fused, int[] labels) {
        double best = 1;
        double bestLoss = Double.MAX_VALUE;
        for (double t = 0.1; t <= 3.0001; t += 0.01) {
            double loss = 0;
            for (int n = 0; n < fused.length; n++) {
                double sum = 0;
                for (float p : fused[n]) {
                    sum += Math.pow(Math.max(p, 1e-12), 1 / t);
                }
                loss -= Math.log(Math.pow(Math.max(fused[n][labels[n]], 1e-12), 1 / t) / sum);
            }
            if (loss < bestLoss) {
                best = t;
                bestLoss = loss;
            }
        }
        return best;
    }

    /** The confidence below which answering "out of scope" gets the most held-out examples right. */
    public static double bestThreshold(float[][] calibrated, int[] labels, int outOfScope) {
        double best = 0;
        int bestRight = -1;
        for (int step = 0; step <= 100; step++) {
            double threshold = step / 100.0;
            int right = right(calibrated, labels, outOfScope, threshold);
            if (right > bestRight) {
                best = threshold;
                bestRight = right;
            }
        }
        return best;
    }

    /**
     * The share of held-out examples predicted right: the most likely intent, or out of scope under
     * the threshold ({@code outOfScope} -1 when the examples have no out-of-scope label).
     */
    public static double accuracy(float[][] calibrated, int[] labels, int outOfScope, double threshold) {
        return calibrated.length == 0 ? Double.NaN : (double) right(calibrated, labels, outOfScope, threshold) / calibrated.length;
    }

    private static int right(float[][] calibrated, int[] labels, int outOfScope, double threshold) {
        int right = 0;
        for (int n = 0; n < calibrated.length; n++) {
            int top = Probabilities.argmax(calibrated[n]);
            int predicted = outOfScope >= 0 && calibrated[n][top] < threshold ? outOfScope : top;
            if (predicted == labels[n]) {
                right++;
            }
        }
        return right;
    }
}
