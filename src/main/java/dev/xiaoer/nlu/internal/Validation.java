package dev.xiaoer.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * How held-out examples are made: with at least 14 examples of every intent, one stratified
 * seventh is held out once; with fewer, 5-fold (or fewer-fold) stratified cross-validation.
 */
public record Validation(int folds, int[] foldOf, boolean singleHoldOut, long seed) {

    /** Scoring held-out examples costs a k-NN scan each: a few thousand tell enough. */
    static final int MAX_HELD_OUT = 3000;

    /** The plan for these labels, shuffled by {@code seed}; null when an intent has fewer than two examples. */
    public static Validation plan(int[] labels, int classes, long seed) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int smallest = Arrays.stream(counts).min().orElse(0);
        if (smallest < 2) {
            return null;
        }
        boolean single = smallest >= 14;
        int parts = single ? 7 : Math.min(5, smallest);
        int[] foldOf = new int[labels.length];
        Random random = new Random(seed);
        for (int c = 0; c < classes; c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    rows.add(i);
                }
            }
            Collections.shuffle(rows, random);
            for (int i = 0; i < rows.size(); i++) {
                foldOf[rows.get(i)] = i % parts;
            }
        }
        return new Validation(single ? 1 : parts, foldOf, single, seed);
    }

    /** The fold's held-out rows, at most a share of {@value #MAX_HELD_OUT} over all folds. */
    public int[] heldOutRows(int fold) {
        int[] rows = rows(fold, true);
        int share = MAX_HELD_OUT / folds;
        if (rows.length <= share) {
            return rows;
        }
        int[] sample = rows.clone();
        List<Integer> shuffled = new ArrayList<>(Arrays.stream(sample).boxed().toList());
        Collections.shuffle(shuffled, new Random(seed + fold));
        return shuffled.stream().limit(share).mapToInt(Integer::intValue).sorted().toArray();
    }

    public int[] trainingRows(int fold) {
        return rows(fold, false);
    }

    private int[] rows(int fold, boolean heldOut) {
        return IntStream.range(0, foldOf.length)
                .filter(i -> (foldOf[i] == fold) == heldOut).toArray();
    }

    public String describe() {
        return singleHoldOut ? "a stratified seventh of the training data held out"
                : folds + "-fold stratified cross-validation on the training data";
    }
}
