package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.testing.Fixture;

/** The question's scores, summed from its concepts', are exactly what a search per side finds, and each concept's matches a scan's. */
class OnePassTest {
    static Corpus corpus;

    @BeforeAll
    static void load() {
        corpus = CorpusReader.read(Fixture.knowledge()).orThrow();
    }

    @Test
    void oneSearchGivesEverySidesTopAsSeparateSearchesDoAndEveryConceptsMatchesAsAScan() {
        // Small lists, so that truncation and ties at the cut matter, and the ordinary ones.
        onePassAsSeparateSearches(RetrievalSettings.DEFAULT.with("globalCandidates", 7).with("sideCandidates", 3));
        onePassAsSeparateSearches(RetrievalSettings.DEFAULT);
    }

    private static void onePassAsSeparateSearches(RetrievalSettings set) {
        ConceptQueries cq = new ConceptQueries(set);
        try (PassageIndex index = PassageIndex.inMemory(Optional.empty())) {
            index.update(corpus.passages(), corpus.topics(), 1, null);
            // An update leaves the old version of a changed passage deleted, not gone: it must not count.
            List<Passage> changed = new ArrayList<>(corpus.passages());
            changed.remove(0);
            index.update(changed, corpus.topics(), 2, null);
            everyQuestionAsSeparateSearches(index, cq, set);
            // What earlier questions found is of the reader they were asked on: a new one scores afresh.
            index.update(corpus.passages(), corpus.topics(), 3, null);
            everyQuestionAsSeparateSearches(index, cq, set);
        }
    }

    private static void everyQuestionAsSeparateSearches(PassageIndex index, ConceptQueries cq, RetrievalSettings set) {
        QueryPlanner planner = new QueryPlanner(corpus.glossary());
        for (String q : List.of("How many people died?", "Сколько человек задержали в Алматы?", "Қанша адам қаза болды?",
                "Who ordered the troops in?", "What happened in Kazakhstan in January 2022?",
                "Сколько людей погибло в Алматы 5 и 6 января и кто стрелял в мирных жителей у акимата?")) {
            Lang lang = LanguageDetector.detect(q);
            List<Concept> concepts = planner.plan(q, lang);
            List<Query> queries = concepts.stream().map(c -> cq.of(c, lang)).toList();
            Query all = LexicalPass.questionQuery(concepts, queries, set);
            for (Set<Side> wanted : List.of(Set.of(Side.values()), Set.of(Side.HRW, Side.OFFICIAL))) {
                index.search(s -> {
                    LexicalPass.Result one = LexicalPass.run(s, concepts, queries, wanted, set);
                    assertThat(one.bm25()).isNotEmpty().isEqualTo(separately(s, all, wanted, set));
                    // Which documents match each concept, as a scan of each finds (live ones only).
                    for (int i = 0; i < queries.size(); i++) {
                        assertThat(one.matches()[i]).isEqualTo(scan(s, queries.get(i)));
                    }
                    return null;
                });
            }
        }
    }

    @Test
    void whatIsKeptOfEachConceptStaysExactWhenItOutgrowsItsBudget() {
        ConceptQueries cq = new ConceptQueries(RetrievalSettings.DEFAULT);
        QueryPlanner planner = new QueryPlanner(corpus.glossary());
        try (PassageIndex index = PassageIndex.inMemory(Optional.empty())) {
            index.update(corpus.passages(), corpus.topics(), 1, null);
            for (String q : List.of("How many people died?", "Who ordered the troops in?", "How many people died?")) {
                Lang lang = LanguageDetector.detect(q);
                List<Query> queries = planner.plan(q, lang).stream().map(c -> cq.of(c, lang)).toList();
                index.search(s -> {
                    // a budget of one byte: every concept found overfills it and starts the kept ones afresh
                    ConceptMatches.Found[] found = ConceptMatches.of(s, queries, new SharedTerms(s), 1);
                    for (int i = 0; i < queries.size(); i++) {
                        assertThat(found[i].docs()).isEqualTo(scan(s, queries.get(i)));
                        assertThat(found[i].scores()).hasSize(found[i].docs().cardinality());
                        int doc = -1;
                        for (float score : found[i].scores()) {
                            doc = found[i].docs().nextSetBit(doc + 1);
                            assertThat(score).isEqualTo(score(s, queries.get(i), doc));
                        }
                    }
                    return null;
                });
            }
        }
    }

    /** The score Lucene gives {@code doc} for {@code q} alone. */
    private static float score(IndexSearcher s, Query q, int doc) throws java.io.IOException {
        for (ScoreDoc d : s.search(q, Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
            if (d.doc == doc) {
                return d.score;
            }
        }
        throw new AssertionError("not matched: " + doc);
    }

    @Test
    void theExactNearestOfEverySideAreThoseOfAFullScanRankedBySimilarity() {
        Embedder fake = new Embedder(hashed(), "hashed");
        try (PassageIndex index = PassageIndex.inMemory(Optional.of(fake))) {
            index.update(corpus.passages(), corpus.topics(), 1, null);
            float[] q = fake.embed("How many people died?");
            Map<Integer, Integer> ranks = index.search(s -> NearestBySide.ranks(s, q, Set.of(Side.values()), 5));
            Map<Side, List<String>> expected = new HashMap<>();
            for (Side side : Side.values()) {
                expected.put(side, corpus.passages().stream().filter(p -> p.side() == side)
                        .sorted(java.util.Comparator.comparingDouble((Passage p) ->
                                -VectorSimilarityFunction.COSINE.compare(q, fake.embed(IndexDocuments.vectorText(p)))))
                        .limit(5).map(Passage::id).toList());
            }
            Map<Side, String[]> got = new HashMap<>();
            index.search(s -> {
                var stored = s.storedFields();
                for (var e : ranks.entrySet()) {
                    Passage p = corpus.passagesById().get(stored.document(e.getKey()).get(PassageIndex.ID));
                    got.computeIfAbsent(p.side(), x -> new String[5])[e.getValue() - 1] = p.id();
                }
                return null;
            });
            for (Side side : Side.values()) {
                List<String> near = java.util.Arrays.stream(got.getOrDefault(side, new String[0])).filter(java.util.Objects::nonNull).toList();
                assertThat(near).as(side.id()).isEqualTo(expected.get(side));
            }
        }
    }

    @Test
    void ruledOutVectorsLeaveTheExactRanksOfAFullScanOfEveryVector() {
        Embedder fake = new Embedder(hashed(), "hashed");
        try (PassageIndex index = PassageIndex.inMemory(Optional.of(fake))) {
            index.update(corpus.passages(), corpus.topics(), 1, null);
            for (String question : List.of("How many people died?", "Who ordered the troops in?", "Сколько задержали?", "Қанша адам?")) {
                float[] q = fake.embed(question);
                for (int perSide : new int[] {1, 5, 40}) {
                    index.search(s -> {
                        // every vector's exact cosine, offered in document order
                        Map<Side, SideTop> full = new HashMap<>();
                        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                            var live = leaf.reader().getLiveDocs();
                            Side[] sides = SideValues.all(leaf.reader());
                            for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                                Side side = sides[d];
                                var values = leaf.reader().getFloatVectorValues(PassageIndex.vectorField(side));
                                if ((live == null || live.get(d)) && values.advance(d) == d) {
                                    full.computeIfAbsent(side, x -> new SideTop(perSide))
                                            .offer(leaf.docBase + d, VectorSimilarityFunction.COSINE.compare(q, values.vectorValue()));
                                }
                            }
                        }
                        Map<Integer, Integer> expected = new HashMap<>();
                        for (SideTop top : full.values()) {
                            int[] docs = top.bestFirst();
                            for (int r = 0; r < docs.length; r++) {
                                expected.put(docs[r], r + 1);
                            }
                        }
                        assertThat(NearestBySide.ranks(NearestBySide.Way.EXACT, s, q, Set.of(Side.values()), perSide)).isEqualTo(expected);
                        return null;
                    });
                }
            }
        }
    }

    /** The global top and each side's filtered search, as retrieval once ran them. */
    private static Map<Integer, Float> separately(IndexSearcher s, Query all, Set<Side> wanted, RetrievalSettings set)
            throws java.io.IOException {
        Map<Integer, Float> out = new HashMap<>();
        if (wanted.size() == Side.values().length) {
            for (ScoreDoc d : s.search(all, set.globalCandidates()).scoreDocs) {
                out.put(d.doc, d.score);
            }
        }
        for (Side side : wanted) {
            Query filtered = new BooleanQuery.Builder().add(all, Occur.MUST)
                    .add(new TermQuery(new Term(PassageIndex.SIDE, side.id())), Occur.FILTER).build();
            for (ScoreDoc d : s.search(filtered, set.sideCandidates()).scoreDocs) {
                out.put(d.doc, d.score);
            }
        }
        return out;
    }

    private static FixedBitSet scan(IndexSearcher s, Query q) throws java.io.IOException {
        FixedBitSet bits = new FixedBitSet(s.getIndexReader().maxDoc());
        Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
            Scorer scorer = w.scorer(ctx);
            if (scorer == null) {
                continue;
            }
            var live = ctx.reader().getLiveDocs();
            DocIdSetIterator it = scorer.iterator();
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                if (live == null || live.get(d)) {
                    bits.set(ctx.docBase + d);
                }
            }
        }
        return bits;
    }

    /** Vectors from the text's hash: cheap, and distinct enough to order the passages. */
    static EmbeddingModel hashed() {
        return new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                List<Embedding> out = new ArrayList<>();
                for (TextSegment t : segments) {
                    java.util.Random r = new java.util.Random(t.text().hashCode());
                    float[] v = new float[16];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) r.nextGaussian();
                    }
                    out.add(Embedding.from(v));
                }
                return Response.from(out);
            }
        };
    }
}
