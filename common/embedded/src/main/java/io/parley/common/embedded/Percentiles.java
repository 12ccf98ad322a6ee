package io.parley.common.embedded;

import java.util.Arrays;

/**
 * Percentiles of a benchmark's samples, by nearest rank: the smallest sample that at least the given fraction of all
 * samples do not exceed (0.5 the median, 1 the largest).
 */
public final class Percentiles {

    private Percentiles() {
    }

    public static double of(double[] samples, double fraction) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[rank(sorted.length, fraction)];
    }

    public static double of(long[] samples, double fraction) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[rank(sorted.length, fraction)];
    }

    private static int rank(int count, double fraction) {
        return Math.min(count - 1, Math.max(0, (int) Math.ceil(count * fraction) - 1));
    }
}
