package qantar.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import qantar.measure.Percentiles;
import qantar.answer.Answer;
import qantar.answer.AnswerService;
import qantar.answer.Question;
import qantar.answer.Statement;
import qantar.corpus.Folding;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.search.Analyzers;
import qantar.search.Retriever;

/**
 * Scores the answers to a question set against its graded judgments (see {@link EvalItem}): how
 * many shown statements are filler (judged 0), how often a main side is called empty while it has
 * a passage that answers (false missing), whether the core fact is shown, nDCG@3 per side, and the
 * older measures (recall@5, side coverage, key facts, scope).
 */
public final class Evaluation {
    private static final int TOP = 5;
    private static final int NDCG_DEPTH = 3;

    /**
     * Why a filler statement was shown, which says what would remove it: the side has no answer
     * (it should have been called empty), its answer is shown too (the filler is one statement too
     * many), its answer was a candidate but ranked below, or it was not among the candidates at all.
     */
    public enum FillerCause {
        SIDE_HAS_NO_ANSWER("the side has no answer"),
        BESIDE_ITS_ANSWER("beside its answer"),
        ANSWER_RANKED_LOWER("its answer ranked lower"),
        ANSWER_NOT_RETRIEVED("its answer not retrieved");

        public final String text;

        FillerCause(String text) {
            this.text = text;
        }
    }

    /** One thing wrong with an answer, for {@code eval --failures}. */
    public record Failure(String what, Side side, List<String> passageIds) {
        @Override
        public String toString() {
            return what + (side == null ? "" : " [" + side.id() + "]") + (passageIds.isEmpty() ? "" : " " + passageIds);
        }
    }

    /**
     * The outcome for one question. Ratios are NaN where the item expects nothing of that kind;
     * counts are zero there. {@code read}: the language retrieval read the question in.
     */
    public record Result(EvalItem item, Answer answer, double millis, double recallAt5, double sideCoverage,
                         double factHitRate, boolean scopeCorrect, int shown, Map<FillerCause, Integer> filler, int answeringSides,
                         int falseMissing, double coreHit, double ndcg3, List<Failure> failures, int[] nearestByGrade, Lang read) {
        /** How many statements are shown as their side's nearest (not as an answer). */
        public int nearest() {
            return Arrays.stream(nearestByGrade).sum();
        }

        /** How many shown statements are filler. */
        public int fillerCount() {
            return filler.values().stream().mapToInt(Integer::intValue).sum();
        }

        public List<String> misses() {
            return failures.stream().map(Failure::toString).toList();
        }
    }

    /**
     * {@code nearestShare}: the share of shown statements shown as their side's nearest, not as an
     * answer; {@code nearestFiller} and {@code nearestAnswering}: the shares of those judged 0 and 2;
     * {@code answersFillerRate}: the filler rate of the other statements, those shown as answers;
     * {@code languageRead}: the share of questions read in the language they are labelled with, which
     * is also the language of the answer when the asker chose none.
     */
    public record Totals(int questions, double recallAt5, double sideCoverage, double factHitRate, double scopeAccuracy,
                         double fillerRate, double falseMissingRate, double coreFactRate, double ndcg3,
                         double overviewAnswered, double meanMillis, double p95Millis, Map<FillerCause, Double> fillerCauses,
                         double nearestShare, double nearestFiller, double nearestAnswering, double answersFillerRate,
                         double languageRead) {
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
        AnswerService.Explained composed = answers.compose(new Question(item.question(), item.lang(), Set.of()));
        Answer a = composed.answer();
        double millis = (System.nanoTime() - start) / 1e6;
        List<Failure> failures = new ArrayList<>();
        boolean scopeCorrect = a.inScope() != item.outOfScope();
        if (!scopeCorrect) {
            failures.add(new Failure(item.outOfScope() ? "answered an out-of-scope question" : "called it out of scope", null, List.of()));
        }
        Lang read = composed.retrieval().lang();
        if (read != item.lang()) {
            failures.add(new Failure("read as " + read.code(), null, List.of()));
        }
        if (item.kind() == EvalItem.Kind.OVERVIEW && a.statements().isEmpty()) {
            failures.add(new Failure("overview question unanswered", null, List.of()));
        }
        Map<FillerCause, Integer> filler = new EnumMap<>(FillerCause.class);
        int[] nearestByGrade = new int[3];
        for (Statement s : a.statements()) {
            int grade = grade(item, s);
            if (s.nearest()) {
                nearestByGrade[grade]++;
            }
            if (grade == 0) {
                FillerCause cause = cause(item, a.statements(s.side()), composed.retrieval());
                filler.merge(cause, 1, Integer::sum);
                failures.add(new Failure("filler (" + cause.text + ")", s.side(), List.of(s.passageId())));
            }
        }
        int answering = 0;
        int falseMissing = 0;
        double ndcgSum = 0;
        for (Side side : Side.values()) {
            List<String> answeringIds = judgedOf(item, side, 2);
            if (answeringIds.isEmpty()) {
                continue;
            }
            double ndcg = ndcg(item, side, a.statements(side));
            ndcgSum += ndcg;
            answering++;
            if (a.statements(side).isEmpty() && Side.MAIN.contains(side)) {
                falseMissing++;
                failures.add(new Failure("called empty, but answered by", side, answeringIds));
            } else if (ndcg < 0.5) {
                failures.add(new Failure(String.format(Locale.ROOT, "nDCG@3 %.2f, best unshown", ndcg), side,
                        answeringIds.stream().filter(id -> a.statements(side).stream().noneMatch(s -> s.passageIds().contains(id))).limit(3).toList()));
            }
        }
        int answeringMain = (int) Side.MAIN.stream().filter(s -> !judgedOf(item, s, 2).isEmpty()).count();
        double coreHit = Double.NaN;
        if (!item.core().isEmpty()) {
            boolean hit = a.statements().stream().anyMatch(s -> s.passageIds().stream().anyMatch(id -> cluster(id).stream().anyMatch(item.core()::contains)));
            coreHit = hit ? 1 : 0;
            if (!hit) {
                failures.add(new Failure("core fact not shown", null, item.core()));
            }
        }
        double recall = recall(item, composed.retrieval(), failures);
        double coverage = Double.NaN;
        if (!item.sides().isEmpty()) {
            long shown = item.sides().stream().filter(s -> !a.statements(s).isEmpty()).count();
            coverage = (double) shown / item.sides().size();
        }
        double facts = Double.NaN;
        if (!item.facts().isEmpty()) {
            int hit = 0;
            for (var e : item.facts().entrySet()) {
                String shown = normalise(String.join(" ", a.statements(e.getKey()).stream().map(Statement::text).toList()));
                if (e.getValue().stream().anyMatch(term -> shown.contains(normalise(term)))) {
                    hit++;
                }
            }
            facts = (double) hit / item.facts().size();
        }
        return new Result(item, a, millis, recall, coverage, facts, scopeCorrect, a.statements().size(), filler,
                answeringMain, falseMissing, coreHit, answering == 0 ? Double.NaN : ndcgSum / answering, failures, nearestByGrade, read);
    }

    /** Why a filler statement is among {@code sideShown}, its side's statements. */
    private FillerCause cause(EvalItem item, List<Statement> sideShown, Retriever.Retrieval retrieval) {
        List<String> answers = judgedOf(item, sideShown.get(0).side(), 2);
        if (answers.isEmpty()) {
            return FillerCause.SIDE_HAS_NO_ANSWER;
        }
        if (sideShown.stream().anyMatch(st -> grade(item, st) == 2)) {
            return FillerCause.BESIDE_ITS_ANSWER;
        }
        boolean candidate = retrieval.hits().stream()
                .anyMatch(h -> cluster(h.passage().id()).stream().anyMatch(answers::contains));
        return candidate ? FillerCause.ANSWER_RANKED_LOWER : FillerCause.ANSWER_NOT_RETRIEVED;
    }

    /** The passages of a side judged at least {@code grade}, read with the side they have in the corpus now. */
    private List<String> judgedOf(EvalItem item, Side side, int grade) {
        return item.judged().entrySet().stream()
                .filter(e -> e.getValue() >= grade && passages.containsKey(e.getKey()) && passages.get(e.getKey()).side() == side)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** A statement is as good as the best judged passage it stands on (a cluster counts as its best member). */
    private int grade(EvalItem item, Statement s) {
        return s.passageIds().stream().flatMap(id -> cluster(id).stream()).mapToInt(item::grade).max().orElse(0);
    }

    private List<String> cluster(String id) {
        Passage p = passages.get(id);
        return p == null ? List.of(id) : retriever.cluster(p).stream().map(Passage::id).toList();
    }

    /** nDCG@3 of a side's statements, against the best its judged passages allow (a cluster counts once). */
    private double ndcg(EvalItem item, Side side, List<Statement> shown) {
        Map<String, Integer> byCluster = new HashMap<>();
        for (String id : judgedOf(item, side, 1)) {
            byCluster.merge(passages.get(id).clusterId(), item.grade(id), Math::max);
        }
        double[] ideal = byCluster.values().stream().mapToDouble(Integer::doubleValue).sorted().toArray();
        double idcg = 0;
        for (int i = 0; i < Math.min(NDCG_DEPTH, ideal.length); i++) {
            idcg += gain(ideal[ideal.length - 1 - i]) / log2(i + 2);
        }
        double dcg = 0;
        for (int i = 0; i < Math.min(NDCG_DEPTH, shown.size()); i++) {
            dcg += gain(grade(item, shown.get(i))) / log2(i + 2);
        }
        return idcg == 0 ? Double.NaN : dcg / idcg;
    }

    private static double gain(double grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Share of the expected passages (the core ones when no others are named) among their side's top five. */
    private double recall(EvalItem item, Retriever.Retrieval retrieval, List<Failure> failures) {
        List<String> expected = !item.passages().isEmpty() ? item.passages() : item.core();
        if (expected.isEmpty() || item.outOfScope()) {
            return Double.NaN;
        }
        var hits = retrieval.hits();
        int found = 0;
        for (String id : expected) {
            Passage p = passages.get(id);
            boolean top = p != null && hits.stream().filter(h -> h.passage().side() == p.side()).limit(TOP)
                    .anyMatch(h -> h.passage().id().equals(id));
            if (top) {
                found++;
            }
        }
        return (double) found / expected.size();
    }

    public static Totals totals(List<Result> results) {
        double[] ms = results.stream().mapToDouble(Result::millis).sorted().toArray();
        int shown = results.stream().mapToInt(Result::shown).sum();
        int filler = results.stream().mapToInt(Result::fillerCount).sum();
        Map<FillerCause, Double> causes = new EnumMap<>(FillerCause.class);
        for (FillerCause c : FillerCause.values()) {
            int n = results.stream().mapToInt(r -> r.filler().getOrDefault(c, 0)).sum();
            causes.put(c, filler == 0 ? Double.NaN : (double) n / filler);
        }
        int answering = results.stream().mapToInt(Result::answeringSides).sum();
        int falseMissing = results.stream().mapToInt(Result::falseMissing).sum();
        List<Result> overviews = results.stream().filter(r -> r.item().kind() == EvalItem.Kind.OVERVIEW).toList();
        int nearest = results.stream().mapToInt(Result::nearest).sum();
        int nearestFiller = results.stream().mapToInt(r -> r.nearestByGrade()[0]).sum();
        int nearestAnswering = results.stream().mapToInt(r -> r.nearestByGrade()[2]).sum();
        return new Totals(results.size(),
                mean(results.stream().mapToDouble(Result::recallAt5).toArray()),
                mean(results.stream().mapToDouble(Result::sideCoverage).toArray()),
                mean(results.stream().mapToDouble(Result::factHitRate).toArray()),
                results.stream().filter(Result::scopeCorrect).count() / (double) Math.max(1, results.size()),
                shown == 0 ? 0 : (double) filler / shown,
                answering == 0 ? 0 : (double) falseMissing / answering,
                mean(results.stream().mapToDouble(Result::coreHit).toArray()),
                mean(results.stream().mapToDouble(Result::ndcg3).toArray()),
                overviews.isEmpty() ? Double.NaN
                        : overviews.stream().filter(r -> !r.answer().statements().isEmpty()).count() / (double) overviews.size(),
                Arrays.stream(ms).average().orElse(0),
                Percentiles.of(ms, 95), causes,
                shown == 0 ? 0 : (double) nearest / shown,
                nearest == 0 ? Double.NaN : (double) nearestFiller / nearest,
                nearest == 0 ? Double.NaN : (double) nearestAnswering / nearest,
                shown == nearest ? 0 : (double) (filler - nearestFiller) / (shown - nearest),
                results.stream().filter(r -> r.read() == r.item().lang()).count() / (double) Math.max(1, results.size()));
    }

    /** The totals of each kind of question (overview, leading, plain...), in the kinds' order, kinds absent left out. */
    public static Map<EvalItem.Kind, Totals> byKind(List<Result> results) {
        Map<EvalItem.Kind, Totals> out = new java.util.EnumMap<>(EvalItem.Kind.class);
        for (EvalItem.Kind k : EvalItem.Kind.values()) {
            List<Result> of = results.stream().filter(r -> r.item().kind() == k).toList();
            if (!of.isEmpty()) {
                out.put(k, totals(of));
            }
        }
        return out;
    }

    /** The mean of the defined values (NaN marks "not applicable"). */
    static double mean(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    /** Lower case, ё as е, digit groups joined (20 000 = 20,000 = 20000). */
    static String normalise(String s) {
        return Analyzers.joinDigitGroups(Folding.fold(s));
    }
}
