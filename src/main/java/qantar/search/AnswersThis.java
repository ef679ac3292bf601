package qantar.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * How likely a candidate answers the question, from the signals retrieval computes for it anyway,
 * combined by a small logistic model: one probability that orders a side's passages and, against one
 * threshold for every question, decides whether a side has anything. Each signal alone separates
 * answering passages from filler only so far, and a gate on any one of them trades filler for
 * false missing one for one; together they rank better than any.
 *
 * <p>{@link #NONE} is off: candidates keep today's score and the composer its coverage gates. The
 * weights are fitted on the judged dev set by {@code eval --fit} and shipped in config/.
 */
public final class AnswersThis {
    /** The signals, each from 0 to 1, in the order of the weights after the bias. */
    public static final List<String> FEATURES = List.of(
            "coverage",        // rarity-weighted share of the question's concepts the passage matches
            "relative",        // coverage over the best coverage of any candidate of the question
            "bm25",            // BM25 score over the question's best
            "bm25_rank",       // reciprocal rank of BM25 within the side, 1 for the side's first
            "vector_rank",     // reciprocal rank of vector similarity within the side (0: not near)
            "asked",           // how closely one of its asks matches the question (AskMatch)
            "asks_subject",    // 1 when one of its asks holds a subject word of the question
            "frame",           // 1 when a frame of the question prefers it (a figure for "how many"...)
            "topic",           // 1 when it carries one of the question's topics (those of the best candidates)
            "side_rank",       // reciprocal rank within its side by the score without the model
            "full",            // 1 when it covers the whole question
            "full_topic",      // full and topic both
            "best",            // the best coverage of any candidate: how well the corpus covers the question
            "consensus");      // its vector's cosine with the mean of the first candidates' (Consensus)

    public static final AnswersThis NONE = new AnswersThis(null, 0.5, 0.5, null);

    private final double[] weights; // bias first, then one a feature; null when off
    private final double threshold;
    private final double further;
    private final BiConsumer<String, double[]> recorder;

    private AnswersThis(double[] weights, double threshold, double further, BiConsumer<String, double[]> recorder) {
        this.weights = weights;
        this.threshold = threshold;
        this.further = further;
        this.recorder = recorder;
    }

    public static AnswersThis of(double[] weights, double threshold) {
        return of(weights, threshold, threshold);
    }

    /** {@code further}: the least probability for a side's second and third statement. */
    public static AnswersThis of(double[] weights, double threshold, double further) {
        if (weights.length != FEATURES.size() + 1) {
            throw new IllegalArgumentException("a bias and " + FEATURES.size() + " weights expected, not " + weights.length);
        }
        return new AnswersThis(weights.clone(), threshold, further, null);
    }

    /** Whether the model decides (otherwise candidates are scored and shown as without it). */
    public boolean on() {
        return weights != null;
    }

    /** The least probability for a passage to be shown: a side with none this likely has nothing on the question. */
    public double threshold() {
        return threshold;
    }

    /** The least probability for a side's statements after its first (at least {@link #threshold()}). */
    public double further() {
        return Math.max(threshold, further);
    }

    /** The same model with both thresholds at {@code t}. */
    public AnswersThis withThreshold(double t) {
        return new AnswersThis(weights, t, t, recorder);
    }

    /** The same model, telling {@code recorder} every candidate's passage id and signals (for fitting). */
    public AnswersThis recording(BiConsumer<String, double[]> r) {
        return new AnswersThis(weights, threshold, further, r);
    }

    boolean computes() {
        return weights != null || recorder != null;
    }

    /** The probability for a candidate's signals (in {@link #FEATURES} order). */
    double p(String passageId, double[] x) {
        if (recorder != null) {
            recorder.accept(passageId, x.clone());
        }
        return weights == null ? Double.NaN : probability(weights, x);
    }

    static double probability(double[] w, double[] x) {
        double z = w[0];
        for (int i = 0; i < x.length; i++) {
            z += w[i + 1] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /**
     * Logistic regression by Newton's method with a small L2 penalty on the weights (not the bias),
     * so that a signal constant on the training set gets no weight rather than an infinite one.
     */
    public static double[] fit(List<double[]> xs, List<Integer> ys, double l2) {
        int d = FEATURES.size() + 1;
        double[] w = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            for (int n = 0; n < xs.size(); n++) {
                double[] x = withBias(xs.get(n));
                double p = probability(w, xs.get(n));
                double r = p - ys.get(n);
                double s = Math.max(p * (1 - p), 1e-9);
                for (int i = 0; i < d; i++) {
                    grad[i] += r * x[i];
                    for (int j = 0; j < d; j++) {
                        hess[i][j] += s * x[i] * x[j];
                    }
                }
            }
            for (int i = 1; i < d; i++) {
                grad[i] += l2 * w[i];
                hess[i][i] += l2;
            }
            double[] step = solve(hess, grad);
            double moved = 0;
            for (int i = 0; i < d; i++) {
                w[i] -= step[i];
                moved = Math.max(moved, Math.abs(step[i]));
            }
            if (moved < 1e-8) {
                break;
            }
        }
        return w;
    }

    private static double[] withBias(double[] x) {
        double[] out = new double[x.length + 1];
        out[0] = 1;
        System.arraycopy(x, 0, out, 1, x.length);
        return out;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = Arrays.copyOf(a0[i], n + 1);
            a[i][n] = b0[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    /** Reads the model file ({@code threshold: T}, optionally {@code further: T2}, and one {@code name: weight} line per signal, with {@code bias}); a missing file is {@link #NONE}. */
    public static AnswersThis load(Path file) {
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            Map<String, Object> m = new org.yaml.snakeyaml.Yaml().load(Files.readString(file));
            Map<?, ?> w = (Map<?, ?>) m.get("weights");
            double[] weights = new double[FEATURES.size() + 1];
            weights[0] = ((Number) w.get("bias")).doubleValue();
            for (int i = 0; i < FEATURES.size(); i++) {
                Object v = w.get(FEATURES.get(i));
                if (v == null) {
                    throw new IllegalStateException("no weight for " + FEATURES.get(i));
                }
                weights[i + 1] = ((Number) v).doubleValue();
            }
            double threshold = ((Number) m.get("threshold")).doubleValue();
            return of(weights, threshold, m.get("further") == null ? threshold : ((Number) m.get("further")).doubleValue());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /** The model file's text, with a header saying how it was made. */
    public String write(String header) {
        List<String> lines = new ArrayList<>();
        header.lines().forEach(l -> lines.add("# " + l));
        lines.add(String.format(Locale.ROOT, "threshold: %.3f", threshold));
        lines.add(String.format(Locale.ROOT, "further: %.3f", further()));
        lines.add("weights:");
        lines.add(String.format(Locale.ROOT, "  bias: %.4f", weights[0]));
        for (int i = 0; i < FEATURES.size(); i++) {
            lines.add(String.format(Locale.ROOT, "  %s: %.4f", FEATURES.get(i), weights[i + 1]));
        }
        return String.join("\n", lines) + "\n";
    }
}
