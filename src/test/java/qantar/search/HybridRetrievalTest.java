package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.testing.Fixture;

class HybridRetrievalTest {
    static Corpus corpus;
    static Embedder miniLm;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        corpus = CorpusReader.read(Fixture.knowledge()).orThrow();
        miniLm = Embedder.fromSetting("on").orElseThrow();
    }

    @Test
    void anEnglishParaphraseFindsItsPassageByMeaning() {
        try (PassageIndex index = PassageIndex.inMemory(Optional.of(miniLm))) {
            index.update(corpus.passages(), corpus.topics(), 1, null);
            float[] q = miniLm.embed("Foreign soldiers were brought into the country and later went home");
            String nearest = index.search(s -> {
                ScoreDoc top = null;
                for (Side side : Side.values()) {
                    for (ScoreDoc d : s.search(new KnnFloatVectorQuery(PassageIndex.vectorField(side), q, 3), 1).scoreDocs) {
                        top = top == null || d.score > top.score ? d : top;
                    }
                }
                return s.storedFields().document(top.doc).get(PassageIndex.ID);
            });
            assertThat(nearest).isEqualTo("o43-withdrawal");
        }
    }

    @Test
    void vectorsOfUnchangedTextsAreTakenFromThePreviousIndex() {
        AtomicInteger embedded = new AtomicInteger();
        Embedder counting = new Embedder(counting(embedded), miniLm.id());
        Path dir = tmp.resolve("index");
        List<Passage> passages = corpus.passages();
        try (PassageIndex index = PassageIndex.open(dir, Optional.of(counting))) {
            index.update(passages, corpus.topics(), 1, null);
            assertThat(embedded).hasValue(passages.size());
            passages = withEnglish(passages, 0, "A changed English text.");
            index.update(passages, corpus.topics(), 2, null);
            assertThat(embedded).hasValue(passages.size() + 1);
        }
        // After a restart too; and an index built without vectors, or with another model's, is rebuilt.
        try (PassageIndex index = PassageIndex.open(dir, Optional.of(counting))) {
            assertThat(index.builtRevision()).isEqualTo(2);
            index.update(passages, corpus.topics(), 3, null);
            assertThat(embedded).hasValue(passages.size() + 1);
        }
        try (PassageIndex index = PassageIndex.open(dir, Optional.empty())) {
            assertThat(index.builtRevision()).isEqualTo(-1);
        }
        try (PassageIndex index = PassageIndex.open(dir, Optional.of(new Embedder(counting(embedded), "another-model")))) {
            assertThat(index.builtRevision()).isEqualTo(-1);
        }
    }

    @Test
    void aRussianOrKazakhQuestionIsEmbeddedThroughItsGlossaryConceptsAndNamesInEnglishElseItsTranslation() {
        QueryPlanner planner = new QueryPlanner(corpus.glossary());
        String ru = "Сколько человек погибло в январе?";
        assertThat(VectorQuestion.text(ru, Lang.RU, planner.plan(ru, Lang.RU), null)).isEqualTo("died January people");
        String kk = "Қанша адам ұсталды?";
        assertThat(VectorQuestion.text(kk, Lang.KK, planner.plan(kk, Lang.KK), null)).isEqualTo("detained people");
        String en = "Who ordered the troops in?";
        assertThat(VectorQuestion.text(en, Lang.EN, planner.plan(en, Lang.EN), null)).isEqualTo(en);
        // a name the glossary lacks goes in Latin letters, as English texts write it
        String name = "Сколько человек задержали вместе с Рузахуновым?";
        assertThat(VectorQuestion.text(name, Lang.RU, planner.plan(name, Lang.RU), null)).isEqualTo("detained people ruzakhunovym");
        String unknown = "Где купить билеты?";
        assertThat(VectorQuestion.text(unknown, Lang.RU, planner.plan(unknown, Lang.RU), null)).isNull();
        // With a model configured, its English translation stands in when the glossary knows no word of it.
        assertThat(VectorQuestion.text(unknown, Lang.RU, planner.plan(unknown, Lang.RU), "Where to buy tickets?"))
                .isEqualTo("Where to buy tickets?");
    }

    @Test
    void withVectorsEveryConceptStillDecidesRelevance() {
        try (PassageIndex hybrid = PassageIndex.inMemory(Optional.of(miniLm));
                PassageIndex lexical = PassageIndex.inMemory(Optional.empty())) {
            hybrid.update(corpus.passages(), corpus.topics(), 1, null);
            lexical.update(corpus.passages(), corpus.topics(), 1, null);
            for (String q : List.of("How many people died?", "Сколько человек задержали?", "Қанша адам қаза болды?")) {
                Lang lang = LanguageDetector.detect(q);
                var withVectors = new Retriever(hybrid, corpus).retrieve(q, lang, Set.of());
                var without = new Retriever(lexical, corpus).retrieve(q, lang, Set.of());
                assertThat(withVectors.vectorText()).isNotNull();
                assertThat(without.vectorText()).isNull();
                assertThat(coverage(withVectors)).isEqualTo(coverage(without));
            }
        }
    }

    @Test
    void aDayAskedAboutIsFoundWhereThePassageWritesItTheFigureBesideTheMonth() {
        List<Passage> passages = withEnglish(withEnglish(corpus.passages(), 0, "On 7 January 2022 the order was given."),
                1, "7 officers were buried on 17 January.");
        try (PassageIndex lexical = PassageIndex.inMemory(Optional.empty())) {
            lexical.update(passages, corpus.topics(), 1, null);
            var r = new Retriever(lexical, corpus, Frames.load(Path.of("config/frames.yaml")), RetrievalSettings.DEFAULT)
                    .retrieve("What happened on 7 January?", Lang.EN, Set.of());
            assertThat(r.concepts()).filteredOn(Concept::counts).extracting(Concept::label).containsExactly("7 January");
            // the other passage has a 7 and January too, apart: it is found for the month alone, covering nothing
            assertThat(coverage(r)).containsEntry(passages.get(0).id(), 1.0).doesNotContainEntry(passages.get(1).id(), 1.0);
        }
    }

    @Test
    void aFigureIsOneOfTenOrMoreThatIsNotAYearNorADate() {
        Passage p = corpus.passages().get(0);
        assertThat(RetrievalState.givesFigure(withEnglish(List.of(p), 0, "4,404 people were detained.").get(0))).isTrue();
        assertThat(RetrievalState.givesFigure(withEnglish(List.of(p), 0, "On 5 January 2022 it began.").get(0))).isFalse();
        for (String date : List.of("On 17 January 2022 he met them.", "On January 17 he met them.", "From 4–5 January on.",
                "Internet worked from 9:00 to 13:00.", "17 января он собрал их.", "2022 жылғы 17 қаңтарда жиналды.")) {
            assertThat(RetrievalState.givesFigure(withEnglish(List.of(p), 0, date).get(0))).as(date).isFalse();
        }
        assertThat(RetrievalState.givesFigure(withEnglish(List.of(p), 0, "On 17 January 19 officers were buried.").get(0))).isTrue();
    }

    @Test
    void aFigureInAnyOfThePassagesTextsCounts() {
        Passage p = corpus.passages().get(0);
        for (Lang withFigure : Lang.values()) {
            Map<Lang, String> texts = new EnumMap<>(Lang.class);
            for (Lang l : Lang.values()) {
                texts.put(l, l == withFigure ? "1,000 people were convicted." : "More than a thousand people were convicted.");
            }
            Passage q = new Passage(p.id(), p.sourceId(), p.side(), p.speaker(), p.topics(), texts, p.original(), p.quote(),
                    p.said(), p.caution());
            assertThat(RetrievalState.givesFigure(q)).as("a figure in %s only", withFigure).isTrue();
        }
    }

    private static Map<String, Double> coverage(Retriever.Retrieval r) {
        Map<String, Double> out = new java.util.TreeMap<>();
        r.hits().stream().filter(h -> h.coverage() > 0).forEach(h -> out.put(h.passage().id(), h.coverage()));
        return out;
    }

    private static List<Passage> withEnglish(List<Passage> passages, int at, String english) {
        List<Passage> out = new ArrayList<>(passages);
        Passage p = out.get(at);
        Map<Lang, String> texts = new EnumMap<>(p.texts());
        texts.put(Lang.EN, english);
        out.set(at, new Passage(p.id(), p.sourceId(), p.side(), p.speaker(), p.topics(), texts, p.original(), p.quote(),
                p.said(), p.caution()));
        return out;
    }

    /** The real model, counting the texts it is asked to embed. */
    private static EmbeddingModel counting(AtomicInteger count) {
        return new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                count.addAndGet(segments.size());
                List<Embedding> out = new ArrayList<>();
                segments.forEach(s -> out.add(Embedding.from(miniLm.embed(s.text()))));
                return Response.from(out);
            }
        };
    }
}
