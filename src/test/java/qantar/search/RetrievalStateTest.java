package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.testing.Fixture;

class RetrievalStateTest {
    private static final String QUESTION = "did anyone go to jail for torchuring people";
    private static final String ASKED = "which officers went to jail for torture";

    @Test
    void aStateTakenOverFromThePreviousRevisionIsTheOneAFreshStartMakes() {
        Corpus corpus = CorpusReader.read(Fixture.knowledge()).orThrow();
        RetrievalState first = RetrievalState.of(corpus, Frames.NONE, null);
        assertThat(misspeltTerm(first)).as("not a word of the corpus: the glossary's «torture»").isTrue();

        // An approval puts the word into one passage's text, and retires another passage.
        List<Passage> edited = IncrementalIndexTest.withEnglish(corpus.passages(), 3, "They spoke of torchuring, a word of their own.");
        Passage retired = edited.remove(edited.size() - 1);
        Passage asked = edited.get(5);
        edited.set(5, new Passage(asked.id(), asked.sourceId(), asked.side(), asked.speaker(), asked.topics(), asked.texts(), asked.original(),
                asked.quote(), asked.said(), asked.caution(), Map.of(Lang.EN, List.of(ASKED)), asked.sameAs(), asked.speakers()));
        RetrievalState second = RetrievalState.of(with(corpus, edited), Frames.NONE, first);
        assertSameAsFresh(second, with(corpus, edited));
        assertThat(misspeltTerm(second)).as("a word the corpus now uses").isFalse();
        assertThat(askShare(second, edited.get(5))).isEqualTo(1.0);

        // The next one takes it out again and brings the retired passage back.
        List<Passage> again = new ArrayList<>(corpus.passages());
        RetrievalState third = RetrievalState.of(with(corpus, again), Frames.NONE, second);
        assertSameAsFresh(third, with(corpus, again));
        assertThat(misspeltTerm(third)).isTrue();
        assertThat(askShare(third, again.get(5))).isLessThan(1.0);
        assertThat(third.vocabulary().words()).isEqualTo(first.vocabulary().words());
        assertThat(third.passages()).containsKey(retired.id());
    }

    private static boolean misspeltTerm(RetrievalState s) {
        return s.planner().plan(QUESTION, Lang.EN).stream().anyMatch(c -> c.fromGlossary() && c.label().equals("torchuring"));
    }

    /** How closely the passage's asks match {@link #ASKED}. */
    private static double askShare(RetrievalState s, Passage p) {
        List<Concept> concepts = s.planner().plan(ASKED, Lang.EN);
        double[] weights = concepts.stream().mapToDouble(c -> 1).toArray();
        return s.asks().of(p, concepts, s.asks().forms(concepts), weights, weights.length);
    }

    private static void assertSameAsFresh(RetrievalState carried, Corpus corpus) {
        RetrievalState fresh = RetrievalState.of(corpus, Frames.NONE, null);
        assertThat(carried.vocabulary().words()).isEqualTo(fresh.vocabulary().words());
        assertThat(carried.withFigures()).isEqualTo(fresh.withFigures());
        assertThat(carried.clusters()).isEqualTo(fresh.clusters());
        assertThat(carried.passages()).isEqualTo(fresh.passages());
        assertThat(carried.planner().plan(QUESTION, Lang.EN)).isEqualTo(fresh.planner().plan(QUESTION, Lang.EN));
        // each passage's asks match a question as closely as a fresh start's
        List<Concept> concepts = fresh.planner().plan(ASKED, Lang.EN);
        double[] weights = concepts.stream().mapToDouble(c -> 1).toArray();
        var carriedForms = carried.asks().forms(concepts);
        var freshForms = fresh.asks().forms(concepts);
        for (Passage p : corpus.passages()) {
            assertThat(carried.asks().of(p, concepts, carriedForms, weights, weights.length))
                    .as(p.id()).isEqualTo(fresh.asks().of(p, concepts, freshForms, weights, weights.length));
        }
    }

    private static Corpus with(Corpus c, List<Passage> passages) {
        return new Corpus(c.sources(), passages, c.topics(), c.glossary(), c.timeline());
    }
}
