package qantar.measure;

import java.util.Arrays;

/** Nearest-rank percentiles, for the evaluation and the benches alike. */
public final class Percentiles {
    private Percentiles() {
    }

    /** The nearest-rank percentile {@code p} (0-100) of sorted values; 0 for none. */
    public static double of(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1))];
    }

    /** {@link #of} of values in any order, which are left as they are. */
    public static double ofUnsorted(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return of(sorted, p);
    }
}
