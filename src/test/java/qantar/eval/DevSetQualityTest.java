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

    /**
     * The dev set's Kazakh questions as typed in Latin letters, on an English keyboard («qansha adam
     * qaza boldy») and in the 2021 alphabet («qanşa adam qaza boldy»), judged as the same questions:
     * read as Kazakh and answered nearly as well (as Cyrillic: filler 0.122, false missing 0, core
     * fact 1.0, nDCG@3 0.791; in Latin 0.160, 0.065, 0.875, 0.704 and 0.197, 0.108, 0.825, 0.647 when
     * this was set, against 0.231, 0.559, 0.250, 0.216 and 0.341, 0.667, 0.175, 0.152 read as English).
     */
    @Test
    void theKazakhQuestionsTypedInLatinLettersAreAnsweredAsKazakh() {
        List<EvalItem> kazakh = EvalSet.read(Path.of("knowledge/eval/dev.yaml")).stream().filter(i -> i.lang() == Lang.KK).toList();
        for (boolean alphabet2021 : new boolean[] {false, true}) {
            List<EvalItem> latin = kazakh.stream().map(i -> new EvalItem(latin(i.question(), alphabet2021), i.lang(), i.kind(),
                    i.outOfScope(), i.sides(), i.facts(), i.passages(), i.judged(), i.core(), i.line())).toList();
            Evaluation.Totals t = evaluate(latin, tmp.resolve("latin" + alphabet2021), true);
            assertThat(t.languageRead()).isGreaterThanOrEqualTo(0.9);
            assertThat(t.fillerRate()).isLessThanOrEqualTo(0.22);
            assertThat(t.falseMissingRate()).isLessThanOrEqualTo(0.13);
            assertThat(t.coreFactRate()).isGreaterThanOrEqualTo(0.8);
            assertThat(t.ndcg3()).isGreaterThanOrEqualTo(0.62);
        }
    }

    /** Cyrillic Kazakh in Latin letters, as people type it on an English keyboard or in the 2021 alphabet. */
    private static String latin(String cyrillic, boolean alphabet2021) {
        String from = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
        String[] keyboard = {"a", "a", "b", "v", "g", "gh", "d", "e", "yo", "zh", "z", "i", "y", "k", "q", "l", "m", "n", "ng", "o", "o",
            "p", "r", "s", "t", "u", "u", "u", "f", "kh", "h", "ts", "ch", "sh", "sh", "", "y", "i", "", "e", "yu", "ya"};
        String[] of2021 = {"a", "ä", "b", "v", "g", "ğ", "d", "e", "io", "j", "z", "i", "i", "k", "q", "l", "m", "n", "ñ", "o", "ö",
            "p", "r", "s", "t", "u", "ū", "ü", "f", "h", "h", "ts", "ch", "ş", "ş", "", "y", "ı", "", "e", "iu", "ia"};
        String[] to = alphabet2021 ? of2021 : keyboard;
        StringBuilder b = new StringBuilder();
        for (char c : cyrillic.toCharArray()) {
            int at = from.indexOf(Character.toLowerCase(c));
            String t = at < 0 ? String.valueOf(c) : to[at];
            b.append(at >= 0 && Character.isUpperCase(c) && !t.isEmpty() ? Character.toUpperCase(t.charAt(0)) + t.substring(1) : t);
        }
        return b.toString();
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
