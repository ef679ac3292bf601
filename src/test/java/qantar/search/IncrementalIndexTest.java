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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.store.Database;
import qantar.store.VectorStore;
import qantar.testing.Fixture;

class IncrementalIndexTest {
    static Corpus corpus;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        corpus = CorpusReader.read(Fixture.knowledge()).orThrow();
    }

    @Test
    void anUpdateWritesOnlyTheChangedPassageAndDeletesTheRetiredOne() {
        try (PassageIndex index = PassageIndex.open(tmp.resolve("index"), Optional.empty())) {
            List<Passage> passages = corpus.passages();
            index.update(passages, corpus.topics(), 1, null);
            assertThat(docs(index)).containsExactly(passages.size(), passages.size());

            List<Passage> next = withEnglish(passages, 0, "Zanzibar was never mentioned before.");
            String retired = next.remove(next.size() - 1).id();
            index.update(next, corpus.topics(), 2, null);
            // one document written (the changed one); its old version and the retired passage deleted
            assertThat(docs(index)).containsExactly(passages.size() - 1, passages.size() + 1);
            assertThat(count(index, Analyzers.EN, "zanzibar")).isEqualTo(1);
            assertThat(count(index, PassageIndex.ID, retired)).isZero();
            assertThat(index.builtRevision()).isEqualTo(2);
        }
    }

    @Test
    void theSameCorpusAfterARestartWritesNothing() {
        Path dir = tmp.resolve("index");
        try (PassageIndex index = PassageIndex.open(dir, Optional.of(fake(new AtomicInteger())))) {
            index.update(corpus.passages(), corpus.topics(), 1, null);
        }
        try (PassageIndex index = PassageIndex.open(dir, Optional.of(fake(new AtomicInteger())))) {
            index.update(corpus.passages(), corpus.topics(), 2, null);
            assertThat(docs(index)).containsExactly(corpus.passages().size(), corpus.passages().size());
            assertThat(index.builtRevision()).isEqualTo(2);
        }
    }

    @Test
    void anUpdateOfNamedPassagesLooksAtNoOther() {
        try (PassageIndex index = PassageIndex.inMemory(Optional.empty())) {
            index.update(corpus.passages(), corpus.topics(), 1, null);
            List<Passage> next = withEnglish(corpus.passages(), 0, "Zanzibar was never mentioned before.");
            next = withEnglish(next, 1, "Nor was Timbuktu.");
            String retired = next.remove(next.size() - 1).id();
            // the second passage changed too, but only the first and the retired one are named
            index.updateChanged(next, corpus.topics(), 2, java.util.Set.of(next.get(0).id(), retired));
            assertThat(count(index, Analyzers.EN, "zanzibar")).isEqualTo(1);
            assertThat(count(index, Analyzers.EN, "timbuktu")).isZero();
            assertThat(count(index, PassageIndex.ID, retired)).isZero();
            assertThat(index.builtRevision()).isEqualTo(2);
        }
    }

    @Test
    void questionsAreAnsweredFromThePreviousIndexWhileAnUpdateIsUnderWay() throws Exception {
        CountDownLatch embedding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Embedder blocking = new Embedder(model(segments -> {
            if (calls.incrementAndGet() > 1) { // the first build goes through; the update waits
                embedding.countDown();
                await(release);
            }
            return vectors(segments);
        }), "fake");
        try (PassageIndex index = PassageIndex.inMemory(Optional.of(blocking))) {
            index.update(corpus.passages(), corpus.topics(), 1, null);
            List<Passage> next = withEnglish(corpus.passages(), 0, "Zanzibar was never mentioned before.");
            Thread update = new Thread(() -> index.update(next, corpus.topics(), 2, null));
            update.start();
            assertThat(embedding.await(30, TimeUnit.SECONDS)).isTrue();
            // the update holds its lock and waits for the model: a search still runs, on the previous index
            assertThat(count(index, Analyzers.EN, "zanzibar")).isZero();
            assertThat(docs(index)).containsExactly(corpus.passages().size(), corpus.passages().size());
            release.countDown();
            update.join(30_000);
            assertThat(count(index, Analyzers.EN, "zanzibar")).isEqualTo(1);
        }
    }

    @Test
    void aLostIndexIsRebuiltFromTheStoredVectorsWithoutEmbeddingAgain() throws Exception {
        AtomicInteger embedded = new AtomicInteger();
        Embedder model = fake(embedded);
        try (Database db = Database.open(tmp.resolve("data"))) {
            float[] before;
            try (PassageIndex index = PassageIndex.open(tmp.resolve("index"), Optional.of(model), new VectorStore(db))) {
                index.update(corpus.passages(), corpus.topics(), 1, null);
                before = vector(index, corpus.passages().get(0).id());
            }
            int once = embedded.get();
            assertThat(once).isPositive();
            try (PassageIndex index = PassageIndex.open(tmp.resolve("another-index"), Optional.of(model), new VectorStore(db))) {
                index.update(corpus.passages(), corpus.topics(), 1, null);
                assertThat(embedded).hasValue(once);
                assertThat(vector(index, corpus.passages().get(0).id())).containsExactly(before);
            }
        }
    }

    private static float[] vector(PassageIndex index, String id) {
        return index.search(s -> {
            int doc = s.search(new TermQuery(new Term(PassageIndex.ID, id)), 1).scoreDocs[0].doc;
            var leaf = s.getIndexReader().leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, s.getIndexReader().leaves()));
            for (Side side : Side.values()) {
                var values = leaf.reader().getFloatVectorValues(PassageIndex.vectorField(side));
                if (values != null && values.advance(doc - leaf.docBase) == doc - leaf.docBase) {
                    return values.vectorValue().clone();
                }
            }
            throw new AssertionError("no vector for " + id);
        });
    }

    /** Live documents and all documents (deleted ones included) in the searcher's view. */
    private static List<Integer> docs(PassageIndex index) {
        return index.search(s -> List.of(s.getIndexReader().numDocs(), s.getIndexReader().maxDoc()));
    }

    private static int count(PassageIndex index, String field, String term) {
        return index.search(s -> s.count(new TermQuery(new Term(field, term))));
    }

    static List<Passage> withEnglish(List<Passage> passages, int at, String english) {
        List<Passage> out = new ArrayList<>(passages);
        Passage p = out.get(at);
        Map<Lang, String> texts = new EnumMap<>(p.texts());
        texts.put(Lang.EN, english);
        out.set(at, new Passage(p.id(), p.sourceId(), p.side(), p.speaker(), p.topics(), texts, p.original(), p.quote(),
                p.said(), p.caution(), p.asks(), p.sameAs(), p.speakers()));
        return out;
    }

    /** A stand-in model: a small vector derived from the text, counting the texts embedded. */
    static Embedder fake(AtomicInteger embedded) {
        return new Embedder(model(segments -> {
            embedded.addAndGet(segments.size());
            return vectors(segments);
        }), "fake");
    }

    private static EmbeddingModel model(java.util.function.Function<List<TextSegment>, Response<List<Embedding>>> embed) {
        return new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                return embed.apply(segments);
            }
        };
    }

    private static Response<List<Embedding>> vectors(List<TextSegment> segments) {
        List<Embedding> out = new ArrayList<>();
        for (TextSegment s : segments) {
            float[] v = new float[8];
            for (int i = 0; i < v.length; i++) {
                v[i] = 1 + (s.text().hashCode() >>> i & 7);
            }
            out.add(Embedding.from(v));
        }
        return Response.from(out);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
