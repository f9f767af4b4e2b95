package dev.xiaoer.nlu.internal;

/** A vector given by its non-zero entries, indexes ascending. */
public record SparseVector(int[] indexes, float[] values) {

    public float dot(SparseVector other) {
        float sum = 0;
        int i = 0;
        int j = 0;
        while (i < indexes.length && j < other.indexes.length) {
            if (indexes[i] == other.indexes[j]) {
                sum += values[i++] * other.values[j++];
            } else if (indexes[i] < other.indexes[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }
}
