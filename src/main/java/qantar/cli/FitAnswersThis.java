package qantar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import qantar.app.Qantar;
import qantar.corpus.Passage;
import qantar.eval.EvalItem;
import qantar.eval.Evaluation;
import qantar.search.AnswersThis;
import qantar.search.RetrievalSettings;

/**
 * {@code eval --fit}: fits the answers-this model on judged question sets and measures it honestly.
 * Every question's candidates are scored by a model fitted on the other folds' questions only
 * (folds by question, so no passage of a held-out question was seen with its judgment), and the
 * measures of those held-out answers are reported beside the in-sample ones.
 */
final class FitAnswersThis {
    private static final int FOLDS = 5;
    /** A small ridge, so a signal constant on the training set gets no weight rather than an infinite one. */
    private static final double L2 = 1.0;

    /** Only a side's first candidates (by the score without the model) are fitted on: the boundary is among them. */
    private static final int TRAIN_DEPTH = 20;
    private static final int SIDE_RANK = AnswersThis.FEATURES.indexOf("side_rank");

    private final Qantar app;
    private final Evaluation eval;
    private final RetrievalSettings tuned;
    private final PrintWriter out;

    FitAnswersThis(Qantar app, Evaluation eval, RetrievalSettings tuned, PrintWriter out) {
        this.app = app;
        this.eval = eval;
        this.tuned = tuned;
        this.out = out;
    }

    /**
     * {@code thresholds}: each "P" or "P/P2" (P2 for a side's statements after its first) is measured;
     * the first goes with the model into {@code file}. {@code signalsFile}, if not null, gets every
     * candidate's question number, passage id, side, grade and signals, a line each.
     */
    void run(List<EvalItem> items, List<String> thresholds, Path file, Path signalsFile) throws IOException {
        // The signals of every question's candidates, recorded while answering as without the model.
        List<Map<String, double[]>> signals = new ArrayList<>();
        Map<String, double[]> current = new HashMap<>();
        app.live().retriever().use(tuned.with(AnswersThis.NONE.recording(current::put)));
        List<Evaluation.Result> today = new ArrayList<>();
        for (EvalItem item : items) {
            current.clear();
            today.add(eval.run(item));
            signals.add(new HashMap<>(current));
        }
        if (signalsFile != null) { // for analysis: every candidate's signals and grade
            List<String> rows = new ArrayList<>();
            Map<String, Passage> passages = app.live().corpus().passagesById();
            for (int i = 0; i < items.size(); i++) {
                for (var e : signals.get(i).entrySet()) {
                    Passage p = passages.get(e.getKey());
                    int grade = gradeOf(items.get(i), p);
                    StringBuilder row = new StringBuilder(i + "\t" + e.getKey() + "\t" + p.side().id() + "\t" + grade);
                    for (double v : e.getValue()) {
                        row.append('\t').append(String.format(Locale.ROOT, "%.5f", v));
                    }
                    rows.add(row.toString());
                }
            }
            Files.write(signalsFile, rows);
        }
        out.println("without the model:");
        out.println(EvalCommand.measures(Evaluation.totals(today)));
        double[][] byFold = new double[FOLDS][];
        for (int k = 0; k < FOLDS; k++) {
            byFold[k] = fit(items, signals, k);
        }
        double[] all = fit(items, signals, -1);
        for (String pair : thresholds) {
            double[] t = thresholds(pair);
            List<Evaluation.Result> heldOut = new ArrayList<>();
            List<Evaluation.Result> inSample = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                app.live().retriever().use(tuned.with(AnswersThis.of(byFold[i % FOLDS], t[0], t[1])));
                heldOut.add(eval.run(items.get(i)));
                app.live().retriever().use(tuned.with(AnswersThis.of(all, t[0], t[1])));
                inSample.add(eval.run(items.get(i)));
            }
            out.printf(Locale.ROOT, "threshold %s, %d-fold cross-validated by question:%n%s%n", pair, FOLDS,
                    EvalCommand.measures(Evaluation.totals(heldOut)));
            out.printf(Locale.ROOT, "threshold %s, in-sample:%n%s%n", pair, EvalCommand.measures(Evaluation.totals(inSample)));
        }
        app.live().retriever().use(tuned);
        String first = thresholds.get(0);
        double[] t = thresholds(first);
        AnswersThis model = AnswersThis.of(all, t[0], t[1]);
        String made = "How likely a candidate answers the question (qantar.search.AnswersThis): logistic weights over its\n"
                + "signals, fitted on the judged questions of the dev and probe sets (grade 2 against the rest, a\n"
                + "cluster as its best member) by\n"
                + "  java -jar target/qantar-bot.jar eval knowledge/eval/dev.yaml knowledge/eval/probe.yaml \\\n"
                + "      --fit config/answers-this.yaml --thresholds " + first + "\n"
                + "which also reports the measures " + FOLDS + "-fold cross-validated by question.\n"
                + "Refit after the corpus or those sets change; the held-out set stays out.";
        Files.writeString(file, model.write(made));
        out.println(model.write("fitted on all " + items.size() + " questions, written to " + file));
    }

    /** "P" or "P/P2" as the thresholds of a side's first statement and of its further ones. */
    private static double[] thresholds(String pair) {
        String[] p = pair.split("/");
        return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p.length > 1 ? p[1] : p[0])};
    }

    /** A candidate's judged grade, a cluster counting as its best member (as the evaluation counts it). */
    private int gradeOf(EvalItem item, Passage p) {
        return app.live().retriever().cluster(p).stream().mapToInt(q -> item.grade(q.id())).max().orElse(0);
    }

    /** The weights fitted on every question outside fold {@code held} (-1: on all). */
    private double[] fit(List<EvalItem> items, List<Map<String, double[]>> signals, int held) {
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        Map<String, Passage> passages = app.live().corpus().passagesById();
        for (int i = 0; i < items.size(); i++) {
            if (i % FOLDS == held) {
                continue;
            }
            EvalItem item = items.get(i);
            for (var e : signals.get(i).entrySet()) {
                if (e.getValue()[SIDE_RANK] < 1.0 / TRAIN_DEPTH) {
                    continue; // far down its side: never shown, and easy to tell
                }
                Passage p = passages.get(e.getKey());
                int grade = gradeOf(item, p);
                xs.add(e.getValue());
                ys.add(grade == 2 ? 1 : 0);
            }
        }
        return AnswersThis.fit(xs, ys, L2);
    }
}
