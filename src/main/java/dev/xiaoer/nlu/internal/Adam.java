package dev.xiaoer.nlu.internal;

/**
 * The Adam optimiser's state for a flat array of parameters (learning rate 0.01, the usual betas).
 * Sparse models step only the parameters a batch touched, as "lazy Adam" does.
 */
final class Adam {

    private static final float RATE = 0.01f;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final float[] first;
    private final float[] second;
    private int steps;
    private float correction1;
    private float correction2;

    Adam(int parameters) {
        first = new float[parameters];
        second = new float[parameters];
    }

    /** Starts an optimisation step. */
    void tick() {
        steps++;
        correction1 = (float) (1 - Math.pow(BETA1, steps));
        correction2 = (float) (1 - Math.pow(BETA2, steps));
    }

    /** The amount to subtract from parameter {@code index} given its gradient in this step. */
    float step(int index, float gradient) {
        first[index] = BETA1 * first[index] + (1 - BETA1) * gradient;
        second[index] = BETA2 * second[index] + (1 - BETA2) * gradient * gradient;
        return RATE * (first[index] / correction1) / ((float) Math.sqrt(second[index] / correction2) + EPSILON);
    }
}
