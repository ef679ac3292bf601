package qantar.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.app.Qantar;
import qantar.testing.Fixture;

class EvaluationTest {
    @TempDir
    Path tmp;

    @Test
    void scoresEachMeasureAndNamesWhatWasMissed() {
        List<EvalItem> items = EvalSet.read(Fixture.resource("fixture/eval.yaml"));
        try (Qantar app = Fixture.open(tmp)) {
            Evaluation eval = new Evaluation(app.answers(), app.live().retriever(), app.live().corpus().passagesById());
            List<Evaluation.Result> r = items.stream().map(eval::run).toList();

            assertThat(r.get(0).misses()).isEmpty();
            assertThat(r.get(0).recallAt5()).isEqualTo(1.0);
            assertThat(r.get(0).sideCoverage()).isEqualTo(1.0);
            assertThat(r.get(0).factHitRate()).isEqualTo(1.0);
            assertThat(r.get(0).fillerCount()).isZero();
            assertThat(r.get(0).coreHit()).isEqualTo(1.0);
            assertThat(r.get(0).ndcg3()).isEqualTo(1.0);

            // HRW has nothing on the CSTO in the fixture, and no official passage says 1999
            assertThat(r.get(1).sideCoverage()).isEqualTo(0.5);
            assertThat(r.get(1).factHitRate()).isEqualTo(0.0);
            // what is shown of a side is scored against the judgments: a passage judged 0 is filler
            Evaluation.Result csto = r.get(1);
            long unjudged = csto.answer().statements().stream()
                    .filter(st -> !List.of("o43-withdrawal", "m7-csto-mandate", "h3-torture").contains(st.passageId())).count();
            assertThat(csto.fillerCount()).isEqualTo((int) unjudged);
            assertThat(csto.answeringSides()).isEqualTo(2);
            assertThat(csto.falseMissing()).isEqualTo(csto.answer().statements(qantar.corpus.Side.MLECHIN_BOOK).isEmpty() ? 1 : 0)
                    .isEqualTo((int) csto.failures().stream().filter(f -> f.what().startsWith("called empty")).count());

            assertThat(r.get(2).scopeCorrect()).isTrue();
            assertThat(r.get(2).recallAt5()).isNaN();

            Evaluation.Totals t = Evaluation.totals(r);
            assertThat(t.questions()).isEqualTo(3);
            assertThat(t.sideCoverage()).isEqualTo(0.75);
            assertThat(t.coreFactRate()).isBetween(0.5, 1.0);
            assertThat(t.fillerRate()).isBetween(0.0, 1.0);
            if (t.fillerRate() > 0) {
                assertThat(t.fillerCauses().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(t.scopeAccuracy()).isEqualTo(1.0);
            assertThat(t.p95Millis()).isPositive();

            // each kind of question is totalled on its own: the kinds' counts add up to the whole
            var byKind = Evaluation.byKind(r);
            assertThat(byKind.keySet()).containsExactly(EvalItem.Kind.PLAIN, EvalItem.Kind.OUT_OF_SCOPE);
            assertThat(byKind.get(EvalItem.Kind.PLAIN).questions()).isEqualTo(2);
            assertThat(byKind.get(EvalItem.Kind.PLAIN).fillerRate()).isEqualTo(Evaluation.totals(r.subList(0, 2)).fillerRate());
            assertThat(byKind.get(EvalItem.Kind.OUT_OF_SCOPE).questions()).isEqualTo(1);
        }
    }

    @Test
    void eachFillerStatementSaysWhyItWasShown() {
        // judged as if only the prosecutor's 225 answered: the other sides' statements are their "nothing" missed
        EvalItem item = new EvalItem("Сколько человек погибло?", qantar.corpus.Lang.RU, EvalItem.Kind.PLAIN, false, List.of(),
                java.util.Map.of(), List.of(), java.util.Map.of("o11-toll-225", 2), List.of("o11-toll-225"), 1);
        try (Qantar app = Fixture.open(tmp)) {
            Evaluation.Result r = new Evaluation(app.answers(), app.live().retriever(), app.live().corpus().passagesById()).run(item);
            var shown = r.answer().statements();
            long otherSides = shown.stream().filter(st -> st.side() != qantar.corpus.Side.OFFICIAL).count();
            long besideAnswer = shown.stream().filter(st -> st.side() == qantar.corpus.Side.OFFICIAL && !st.passageId().equals("o11-toll-225")).count();
            assertThat(otherSides).isPositive();
            assertThat(r.filler().getOrDefault(Evaluation.FillerCause.SIDE_HAS_NO_ANSWER, 0)).isEqualTo((int) otherSides);
            assertThat(r.filler().getOrDefault(Evaluation.FillerCause.BESIDE_ITS_ANSWER, 0)).isEqualTo((int) besideAnswer);
            assertThat(r.fillerCount()).isEqualTo((int) (otherSides + besideAnswer));
            assertThat(r.misses()).contains("filler (the side has no answer) [hrw] [h2-ten-killed]");
            Evaluation.Totals t = Evaluation.totals(List.of(r));
            assertThat(t.fillerCauses().get(Evaluation.FillerCause.SIDE_HAS_NO_ANSWER)).isEqualTo((double) otherSides / r.fillerCount());
        }
    }

    @Test
    void aMalformedItemNamesItsLine() throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "- question: x\n  lang: ru\n- question: y\n  lang: ru\n  sides: [bogus]\n");
        assertThatThrownBy(() -> EvalSet.read(f)).hasMessageContaining("bad.yaml:3").hasMessageContaining("unknown side 'bogus'");
    }

    @Test
    void aQuestionSetThatIsNoYamlOrNoUtf8NamesItsLine() throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "- question: x\n  lang: ru\n- question: [y\n");
        assertThatThrownBy(() -> EvalSet.read(f)).hasMessageContaining("bad.yaml:4").hasMessageContaining("not valid YAML");
        Files.write(f, new byte[] {'-', ' ', 'q', ':', ' ', '\n', (byte) 0xff});
        assertThatThrownBy(() -> EvalSet.read(f)).hasMessageContaining("bad.yaml:2: not UTF-8 text");
    }

    @Test
    void figuresMatchHoweverTheirDigitsAreGrouped() {
        assertThat(Evaluation.normalise("20 000 бандитов и 4,404 задержанных")).contains("20000").contains("4404");
    }
}
