package qantar.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import qantar.answer.Answer;
import qantar.answer.AnswerService;
import qantar.answer.Question;
import qantar.answer.Statement;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.search.Analyzers;
import qantar.search.LanguageDetector;
import qantar.search.Retriever;

/** Scores the answers to a question set. */
public final class Evaluation {
    private static final int TOP = 5;

    /** The outcome for one question. Ratios are NaN where the item expects nothing of that kind. */
    public record Result(EvalItem item, Answer answer, double millis, double recallAt5, double sideCoverage,
                         double attributionPrecision, double factHitRate, boolean scopeCorrect, List<String> misses) {
    }

    public record Totals(int questions, double recallAt5, double sideCoverage, double attributionPrecision,
                         double factHitRate, double scopeAccuracy, double meanMillis, double p95Millis) {
    }

    private final AnswerService answers;
    private final Retriever retriever;
    private final Map<String, Passage> passages;

    public Evaluation(AnswerService answers, Retriever retriever, Map<String, Passage> passages) {
        this.answers = answers;
        this.retriever = retriever;
        this.passages = passages;
    }

    public Result run(EvalItem item) {
        long start = System.nanoTime();
        // Composed afresh: a stored answer would show what an earlier version of the system answered.
        Answer a = answers.compose(new Question(item.question(), item.lang(), Set.of()));
        double millis = (System.nanoTime() - start) / 1e6;
        List<String> misses = new ArrayList<>();
        boolean scopeCorrect = a.inScope() != item.outOfScope();
        if (!scopeCorrect) {
            misses.add(item.outOfScope() ? "answered an out-of-scope question" : "called it out of scope");
        }
        double recall = Double.NaN;
        if (!item.passages().isEmpty()) {
            var hits = retriever.retrieve(a.question(), LanguageDetector.detect(a.question()), Set.of()).hits();
            int found = 0;
            for (String id : item.passages()) {
                Passage p = passages.get(id);
                boolean top = p != null && hits.stream().filter(h -> h.passage().side() == p.side()).limit(TOP)
                        .anyMatch(h -> h.passage().id().equals(id));
                if (top) {
                    found++;
                } else {
                    misses.add(p == null ? "unknown passage " + id : "passage " + id + " not in its side's top " + TOP);
                }
            }
            recall = (double) found / item.passages().size();
        }
        double coverage = Double.NaN;
        if (!item.sides().isEmpty()) {
            long shown = item.sides().stream().filter(s -> !a.statements(s).isEmpty()).count();
            item.sides().stream().filter(s -> a.statements(s).isEmpty()).forEach(s -> misses.add("side " + s.id() + " missing"));
            coverage = (double) shown / item.sides().size();
        }
        double attribution = Double.NaN;
        if (!a.statements().isEmpty()) {
            long right = a.statements().stream().filter(s -> {
                Passage p = passages.get(s.passageId());
                return p != null && p.side() == s.side() && p.sourceId().equals(s.sourceId());
            }).count();
            attribution = (double) right / a.statements().size();
            if (right < a.statements().size()) {
                misses.add("misattributed statements");
            }
        }
        double facts = Double.NaN;
        if (!item.facts().isEmpty()) {
            int hit = 0;
            for (var e : item.facts().entrySet()) {
                String shown = normalise(String.join(" ", a.statements(e.getKey()).stream().map(Statement::text).toList()));
                if (e.getValue().stream().anyMatch(term -> shown.contains(normalise(term)))) {
                    hit++;
                } else {
                    misses.add("no key fact " + e.getValue() + " for " + e.getKey().id());
                }
            }
            facts = (double) hit / item.facts().size();
        }
        return new Result(item, a, millis, recall, coverage, attribution, facts, scopeCorrect, misses);
    }

    public static Totals totals(List<Result> results) {
        double[] ms = results.stream().mapToDouble(Result::millis).sorted().toArray();
        return new Totals(results.size(),
                mean(results.stream().mapToDouble(Result::recallAt5).toArray()),
                mean(results.stream().mapToDouble(Result::sideCoverage).toArray()),
                mean(results.stream().mapToDouble(Result::attributionPrecision).toArray()),
                mean(results.stream().mapToDouble(Result::factHitRate).toArray()),
                results.stream().filter(Result::scopeCorrect).count() / (double) Math.max(1, results.size()),
                Arrays.stream(ms).average().orElse(0),
                ms.length == 0 ? 0 : ms[Math.min(ms.length - 1, (int) Math.ceil(0.95 * ms.length) - 1)]);
    }

    /** The mean of the defined values (NaN marks "not applicable"). */
    static double mean(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    /** Lower case, ё as е, digit groups joined (20 000 = 20,000 = 20000). */
    static String normalise(String s) {
        return Analyzers.joinDigitGroups(s.toLowerCase(Locale.ROOT).replace('ё', 'е'));
    }
}
