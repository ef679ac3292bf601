package qantar.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.app.Qantar;
import qantar.corpus.Lang;
import qantar.corpus.Side;
import qantar.testing.Fixture;

class AnswerServiceTest {
    @TempDir
    Path tmp;
    Qantar app;

    @BeforeEach
    void open() {
        app = Fixture.open(tmp);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Answer ask(String q) {
        return app.answers().answer(Question.of(q));
    }

    @Test
    void answersWithEverySideThatHasMaterialAndNamesTheSidesWithout() {
        Answer a = ask("Сколько человек погибло во время январских событий 2022 года?");
        assertThat(a.inScope()).isTrue();
        assertThat(a.language()).isEqualTo(Lang.RU);
        assertThat(a.statements()).extracting(Statement::passageId)
                .contains("o11-toll-225", "h2-ten-killed", "i18-toll-263");
        assertThat(a.sidesMissing()).containsExactly(Side.MLECHIN_BOOK);
        assertThat(a.sources()).extracting(SourceRef::url).allMatch(u -> u.startsWith("https://"));
    }

    @Test
    void aRussianQuestionFindsAnEnglishPassageThroughItsRussianTranslation() {
        Answer a = ask("Сколько человек задержали?");
        Statement s = a.statements().stream().filter(x -> x.passageId().equals("o29-detained-4404")).findFirst().orElseThrow();
        assertThat(s.lang()).isEqualTo(Lang.RU);
        assertThat(s.translated()).isTrue();
        assertThat(s.text()).contains("4404");
    }

    @Test
    void aKazakhQuestionReachesPassagesWithoutKazakhTextThroughTheGlossary() {
        Answer a = ask("Қаңтар оқиғасында қанша адам қаза болды?");
        assertThat(a.language()).isEqualTo(Lang.KK);
        Statement hrw = a.statements(Side.HRW).get(0);
        assertThat(hrw.passageId()).isEqualTo("h2-ten-killed");
        assertThat(hrw.lang()).isEqualTo(Lang.RU); // no Kazakh text: the nearest language is shown, and marked
        assertThat(a.statements(Side.OFFICIAL)).extracting(Statement::lang).containsOnly(Lang.KK);
    }

    @Test
    void aCyrillicNameFindsItsLatinSpelling() {
        Answer a = ask("Что Токаев написал про Жанаозен?");
        assertThat(a.statements()).extracting(Statement::passageId).contains("c1-tweet-2-jan");
        Statement s = a.statements().stream().filter(x -> x.passageId().equals("c1-tweet-2-jan")).findFirst().orElseThrow();
        assertThat(s.lang()).isEqualTo(Lang.EN);
        assertThat(s.caution()).contains("Wikipedia");
    }

    @Test
    void questionsAboutOtherThingsAreOutOfScope() {
        for (String q : new String[] {"What's the weather in Paris tomorrow?", "Какой курс доллара сегодня?",
                "Напиши стих про весну", "Who won the football world cup?", "Ертең Алматыда ауа райы қандай болады?"}) {
            Answer a = ask(q);
            assertThat(a.inScope()).as(q).isFalse();
            assertThat(a.statements()).as(q).isEmpty();
            assertThat(a.sidesMissing()).as(q).isEmpty();
            assertThat(a.message()).as(q).isNotBlank();
        }
        assertThat(ask("What's the weather in Paris tomorrow?").message()).contains("January 2022");
        assertThat(ask("Какой курс доллара сегодня?").message()).contains("январских событиях");
    }

    @Test
    void anInScopeQuestionWithNothingInTheCorpusSaysSoInsteadOfGuessing() {
        Answer a = ask("Что известно о январских событиях и вулканах Камчатки?");
        assertThat(a.inScope()).isTrue();
        assertThat(a.statements()).isEmpty();
        assertThat(a.message()).contains("нет материалов");
    }

    @Test
    void aSideFilterShowsOnlyThatSide() {
        Answer a = app.answers().answer(new Question("How many people died?", null, Set.of(Side.HRW)));
        assertThat(a.statements()).isNotEmpty().allMatch(s -> s.side() == Side.HRW);
        assertThat(a.sidesMissing()).isEmpty();
    }

    @Test
    void theSameQuestionGetsTheSameIdAndACitedAnswerReopensUnchanged() {
        Answer a = ask("How many people were detained?");
        Answer b = ask("how many   people were detained?");
        assertThat(b.id()).isEqualTo(a.id()).hasSize(8);
        Answer reopened = app.answers().find(a.id()).orElseThrow();
        assertThat(reopened.statements()).isEqualTo(a.statements());
        assertThat(reopened.sources()).isEqualTo(a.sources());
        assertThat(app.answers().find("nosuchid")).isEmpty();
    }

    /** Counted through the query transformer, which every retrieval calls once with the question. */
    @Test
    void anAnswerRetrievesOnceAndItsExplanationIsThatRetrieval() {
        AtomicInteger retrievals = new AtomicInteger();
        app.live().retriever().useQueryTransformer(q -> {
            retrievals.incrementAndGet();
            return List.of(q);
        });
        AnswerService.Explained fresh = app.answers().explain(Question.of("How many people were detained?"));
        assertThat(retrievals).hasValue(1);
        assertThat(fresh.answer().statements()).isNotEmpty();
        assertThat(fresh.retrieval().hits()).extracting(h -> h.passage().id()).contains(fresh.answer().statements().get(0).passageId());

        Answer again = ask("How many people were detained?");
        assertThat(retrievals).as("a stored answer is reopened, not retrieved").hasValue(1);
        assertThat(again).isEqualTo(app.answers().find(fresh.answer().id()).orElseThrow());

        AnswerService.Explained stored = app.answers().explain(Question.of("How many people were detained?"));
        assertThat(retrievals).as("a stored answer's explanation is retrieved once").hasValue(2);
        assertThat(stored.retrieval().hits()).isEqualTo(fresh.retrieval().hits());
    }

    @Test
    void aQuotePassageIsMarkedAsAQuote() {
        Answer a = ask("electric shocks and beatings with batons");
        assertThat(a.statements(Side.HRW)).extracting(Statement::passageId).contains("h3-quote-shocks");
        assertThat(a.statements(Side.HRW)).filteredOn(s -> s.passageId().equals("h3-quote-shocks"))
                .allSatisfy(s -> assertThat(s.quote()).isTrue());
    }
}
