package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.testing.Fixture;

/** An index small enough to be scanned has no vector graph, and a kNN search on it is exact. */
class ExactVectorsFormatTest {
    @TempDir
    Path dir;

    @Test
    void aSmallIndexIsWrittenWithoutAGraphAndItsKnnSearchesGiveTheExactNearest() {
        Corpus corpus = CorpusReader.read(Fixture.knowledge()).orThrow();
        Embedder fake = new Embedder(OnePassTest.hashed(), "hashed");
        try (PassageIndex index = PassageIndex.open(dir, Optional.of(fake))) {
            index.update(corpus.passages(), corpus.topics(), 1, null);
        }
        // Opened again: the segments are read through the format's registered name.
        try (PassageIndex index = PassageIndex.open(dir, Optional.of(fake))) {
            index.search(s -> {
                int fields = 0;
                for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                    for (Side side : Side.values()) {
                        FieldInfo vectors = leaf.reader().getFieldInfos().fieldInfo(PassageIndex.vectorField(side));
                        if (vectors != null) {
                            assertThat(vectors.getAttribute("PerFieldKnnVectorsFormat.format")).isEqualTo(ExactVectorsFormat.NAME);
                            fields++;
                        }
                    }
                }
                assertThat(fields).isGreaterThanOrEqualTo(2);
                return null;
            });
            for (String question : List.of("How many people died?", "Who ordered the troops in?")) {
                float[] q = fake.embed(question);
                // a side's own vectors, as the search beyond the exact limit runs
                for (Side side : List.of(Side.HRW, Side.OFFICIAL)) {
                    assertThat(knn(index, new KnnFloatVectorQuery(PassageIndex.vectorField(side), q, 7)))
                            .isEqualTo(nearest(corpus.passages(), fake, q, side));
                }
            }
        }
    }

    private static List<String> knn(PassageIndex index, KnnFloatVectorQuery query) {
        return index.search(s -> {
            var stored = s.storedFields();
            List<String> ids = new java.util.ArrayList<>();
            for (ScoreDoc d : s.search(query, 7).scoreDocs) {
                ids.add(stored.document(d.doc).get(PassageIndex.ID));
            }
            return ids;
        });
    }

    private static List<String> nearest(List<Passage> passages, Embedder model, float[] q, Side side) {
        return passages.stream().filter(p -> p.side() == side)
                .sorted(Comparator.comparingDouble((Passage p) -> -VectorSimilarityFunction.COSINE.compare(q, model.embed(IndexDocuments.vectorText(p)))))
                .limit(7).map(Passage::id).toList();
    }
}
