package qantar.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.app.Progress;
import qantar.app.Qantar;
import qantar.corpus.Lang;

/**
 * The shipped corpus answers the judged dev set at least as well as when these bounds were set;
 * the build fails when retrieval or the corpus gets worse. The bounds are today's measures with a
 * small margin, with the answers-this model of config/ (fitted on the dev and probe sets; a search
 * by words only does not use it). Of the targets (filler and false missing at most 5 %, core fact
 * 0.9, nDCG@3 0.8) false missing and core fact are reached; filler and nDCG@3 are not yet. Vectors are on by
 * default because they help the judged measures: the run without them must not rank better
 * (nDCG@3) nor call fewer sides empty wrongly, and shows hardly less filler. (Side coverage is not compared:
 * it counts a side covered by filler too.)
 */
class DevSetQualityTest {
    @TempDir
    Path tmp;

    @Test
    void theDevSetIsAnsweredWellEnough() {
        List<EvalItem> items = EvalSet.read(Path.of("knowledge/eval/dev.yaml"));
        assertThat(items).hasSizeGreaterThanOrEqualTo(150);
        assertThat(items.stream().filter(i -> i.lang() == Lang.RU)).hasSizeGreaterThanOrEqualTo(60);
        assertThat(items.stream().filter(i -> i.lang() == Lang.KK)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(items.stream().filter(i -> i.lang() == Lang.EN)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(items.stream().filter(i -> i.kind() == EvalItem.Kind.OVERVIEW)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(items.stream().filter(i -> i.kind() == EvalItem.Kind.LEADING)).hasSizeGreaterThanOrEqualTo(15);
        assertThat(items.stream().filter(i -> i.kind() == EvalItem.Kind.UNCOVERED)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(items.stream().filter(i -> i.outOfScope() || i.kind() == EvalItem.Kind.COLLOQUIAL
                || i.kind() == EvalItem.Kind.MISSPELT)).hasSizeGreaterThanOrEqualTo(15);
        assertThat(items.stream().filter(i -> !i.outOfScope() && i.kind() != EvalItem.Kind.UNCOVERED)
                .allMatch(i -> !i.judged().isEmpty())).as("every answerable question is judged").isTrue();

        Evaluation.Totals t = evaluate(items, tmp.resolve("hybrid"), true);
        assertThat(t.fillerRate()).isLessThanOrEqualTo(0.20);
        assertThat(t.falseMissingRate()).isLessThanOrEqualTo(0.015);
        assertThat(t.coreFactRate()).isGreaterThanOrEqualTo(0.96);
        assertThat(t.ndcg3()).isGreaterThanOrEqualTo(0.71);
        assertThat(t.scopeAccuracy()).isGreaterThanOrEqualTo(0.99);
        assertThat(t.overviewAnswered()).isEqualTo(1.0);
        assertThat(t.languageRead()).as("questions read in their language").isEqualTo(1.0);
        assertThat(t.recallAt5()).isGreaterThanOrEqualTo(0.71);
        // A statement shown as its side's nearest is far more often filler than one shown as an answer
        // (0.53 against 0.16 when this was set), and only sometimes answers (0.12).
        assertThat(t.nearestFiller()).isGreaterThanOrEqualTo(0.45);
        assertThat(t.answersFillerRate()).isLessThanOrEqualTo(0.17);
        assertThat(t.nearestAnswering()).isLessThanOrEqualTo(0.2);

        Evaluation.Totals lexical = evaluate(items, tmp.resolve("lexical"), false);
        assertThat(t.ndcg3()).isGreaterThanOrEqualTo(lexical.ndcg3());
        // Answers depend only on corpus and question (no run-to-run differences). Words only, more
        // sides are called empty wrongly and so show nothing, filler included: vectors may add
        // hardly any filler (0.242 against 0.244 when this was last set).
        assertThat(t.fillerRate()).isLessThanOrEqualTo(lexical.fillerRate() + 0.005);
        assertThat(t.falseMissingRate()).isLessThanOrEqualTo(lexical.falseMissingRate());
    }

    /** The probe set, written after the dev set, keeps what was won on it (the gap to the dev set is how far tuning carries). */
    @Test
    void theProbeSetIsAnsweredAsWellAsWhenItsBoundsWereSet() {
        answersAtLeastAsWell("probe", 0.37, 0.05, 0.89, 0.59, 0.97);
    }

    /** The second probe set, likewise. */
    @Test
    void theSecondProbeSetIsAnsweredAsWellAsWhenItsBoundsWereSet() {
        answersAtLeastAsWell("probe2", 0.35, 0.05, 0.85, 0.62, 0.97);
    }

    /** The third probe set, likewise. */
    @Test
    void theThirdProbeSetIsAnsweredAsWellAsWhenItsBoundsWereSet() {
        answersAtLeastAsWell("probe3", 0.35, 0.03, 0.87, 0.64, 0.97);
    }

    /** knowledge/eval/{@code set}.yaml measures within these bounds. */
    private void answersAtLeastAsWell(String set, double filler, double falseMissing, double coreFact, double ndcg3, double scope) {
        Evaluation.Totals t = evaluate(EvalSet.read(Path.of("knowledge/eval/" + set + ".yaml")), tmp.resolve(set), true);
        assertThat(t.fillerRate()).isLessThanOrEqualTo(filler);
        assertThat(t.falseMissingRate()).isLessThanOrEqualTo(falseMissing);
        assertThat(t.coreFactRate()).isGreaterThanOrEqualTo(coreFact);
        assertThat(t.ndcg3()).isGreaterThanOrEqualTo(ndcg3);
        assertThat(t.scopeAccuracy()).isGreaterThanOrEqualTo(scope);
    }

    private static Evaluation.Totals evaluate(List<EvalItem> items, Path data, boolean vectors) {
        System.setProperty("QANTAR_VECTORS", vectors ? "on" : "off");
        try (Qantar app = Qantar.open(data, Path.of("knowledge"), Path.of("config"), Progress.NONE)) {
            Evaluation eval = new Evaluation(app.answers(), app.live().retriever(), app.live().corpus().passagesById());
            List<Evaluation.Result> results = items.stream().map(eval::run).toList();
            Evaluation.Totals t = Evaluation.totals(results);
            System.out.printf("%d questions, vectors %s: filler %.3f, false missing %.3f, core fact %.3f, nDCG@3 %.3f, scope %.3f, "
                            + "overviews %.3f, recall@5 %.3f, side coverage %.3f, key facts %.3f%n",
                    items.size(), vectors ? "on" : "off", t.fillerRate(), t.falseMissingRate(), t.coreFactRate(), t.ndcg3(), t.scopeAccuracy(),
                    t.overviewAnswered(), t.recallAt5(), t.sideCoverage(), t.factHitRate());
            return t;
        } finally {
            System.clearProperty("QANTAR_VECTORS");
        }
    }
}
