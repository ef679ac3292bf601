package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Lang;
import qantar.testing.Fixture;

/** Names the corpus never uses make a question one it does not cover; names it uses, even misspelt, do not. */
class NamesTest {
    static Corpus corpus;
    static PassageIndex index;
    static QueryPlanner planner;

    @BeforeAll
    static void load() {
        corpus = CorpusReader.read(Fixture.knowledge()).orThrow();
        index = PassageIndex.inMemory(Optional.empty());
        index.update(corpus.passages(), corpus.topics(), 1, null);
        planner = new QueryPlanner(corpus.glossary());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<String> uncovered(String question) {
        Lang lang = LanguageDetector.detect(question);
        return index.search(s -> Names.uncovered(s, question, planner.plan(question, lang), new ConceptQueries(RetrievalSettings.DEFAULT), lang,
                corpus.passagesById()));
    }

    @Test
    void aNameOfSeveralWordsMustBeUsedAsWrittenNotOnlyWordByWord() {
        assertThat(uncovered("What did the Interior Ministry say about detentions?")).isEmpty();
        // both words are in the corpus, never together: the corpus does not cover this person
        assertThat(uncovered("Did Leonid Tokayev comment on the detentions?")).containsExactly("Leonid Tokayev");
    }

    @Test
    void aGlossaryAcronymBesideANameIsPartOfIt() {
        // the CSTO is covered, its Secretary General is not: the name is the run of capitalised words as written
        assertThat(uncovered("Did the CSTO Secretary General comment on the detentions?")).containsExactly("CSTO Secretary General");
        assertThat(uncovered("Did the CSTO detain anyone?")).isEmpty();
    }

    @Test
    void aMisspeltNameTheCorpusUsesIsCovered() {
        assertThat(uncovered("Did Leonid Mlechin write about the detentions?")).isEmpty();
        assertThat(uncovered("Did Leonid Mlechn write about the detentions?")).isEmpty();
        assertThat(uncovered("Did Mlechn write about the detentions?")).isEmpty();
        assertThat(uncovered("Did Lukashenko write about the detentions?")).containsExactly("Lukashenko");
        assertThat(uncovered("Did the «Wagner» group take part in the detentions?")).containsExactly("Wagner");
    }

    @Test
    void aNameIsTheSameWordInflectedOrMisspeltNotOneSharingItsStart() {
        assertThat(Names.sameName("masimov")).accepts("masimova", "masimovtin", "massimov", "masimov")
                .rejects("mamay", "smailov");
        assertThat(Names.sameName("nazarbaevtardyn")).accepts("nazarbaev").rejects("nazar");
        // the index's Latin field, cut to six letters and matched one edit away, took these for it
        assertThat(Names.sameName("turkmenistan")).rejects("turkic", "turme", "turkestan");
        assertThat(Names.sameName("berdymukhamedov")).rejects("berdymuratov");
    }

    @Test
    void aQuestionTypedInCapitalsNamesNothing() {
        assertThat(Names.multiWordNames("DID LEONID TOKAYEV COMMENT?", planner.plan("DID LEONID TOKAYEV COMMENT?", Lang.EN))).isEmpty();
    }
}
