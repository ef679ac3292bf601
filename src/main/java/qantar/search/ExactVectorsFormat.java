package qantar.search;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.hnsw.FlatVectorScorerUtil;
import org.apache.lucene.codecs.hnsw.FlatVectorsReader;
import org.apache.lucene.codecs.lucene99.Lucene99FlatVectorsFormat;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.RandomVectorScorer;

/**
 * Vectors stored without an HNSW graph, searched by comparing the target with every vector. Up to
 * {@link NearestBySide#EXACT_UP_TO} vectors the answer path never searches a graph (it scans them
 * itself), so building one cost a first start about a tenth of its time for nothing. Any kNN query
 * on such a segment is exact, so an index that grows past the limit stays correct: its new segments
 * get graphs, and merging gives the old ones theirs. Registered by name (META-INF/services), as
 * Lucene reads a segment's vector format by the name it was written with.
 */
public final class ExactVectorsFormat extends KnnVectorsFormat {
    static final String NAME = "QantarExactVectors";
    private final Lucene99FlatVectorsFormat flat = new Lucene99FlatVectorsFormat(FlatVectorScorerUtil.getLucene99FlatVectorsScorer());

    public ExactVectorsFormat() {
        super(NAME);
    }

    @Override
    public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
        return flat.fieldsWriter(state);
    }

    @Override
    public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
        return new Reader(flat.fieldsReader(state));
    }

    @Override
    public int getMaxDimensions(String fieldName) {
        return flat.getMaxDimensions(fieldName);
    }

    /** The flat reader, with a search that scores every accepted vector (the flat one finds nothing). */
    private static final class Reader extends KnnVectorsReader {
        private final FlatVectorsReader vectors;

        Reader(FlatVectorsReader vectors) {
            this.vectors = vectors;
        }

        @Override
        public void search(String field, float[] target, KnnCollector collector, Bits acceptDocs) throws IOException {
            collectAll(vectors.getRandomVectorScorer(field, target), collector, acceptDocs);
        }

        @Override
        public void search(String field, byte[] target, KnnCollector collector, Bits acceptDocs) throws IOException {
            collectAll(vectors.getRandomVectorScorer(field, target), collector, acceptDocs);
        }

        private static void collectAll(RandomVectorScorer scorer, KnnCollector collector, Bits acceptDocs) throws IOException {
            if (scorer == null) {
                return;
            }
            Bits accepted = scorer.getAcceptOrds(acceptDocs);
            for (int ord = 0; ord < scorer.maxOrd() && !collector.earlyTerminated(); ord++) {
                if (accepted == null || accepted.get(ord)) {
                    collector.incVisitedCount(1);
                    collector.collect(scorer.ordToDoc(ord), scorer.score(ord));
                }
            }
        }

        @Override
        public void checkIntegrity() throws IOException {
            vectors.checkIntegrity();
        }

        @Override
        public FloatVectorValues getFloatVectorValues(String field) throws IOException {
            return vectors.getFloatVectorValues(field);
        }

        @Override
        public ByteVectorValues getByteVectorValues(String field) throws IOException {
            return vectors.getByteVectorValues(field);
        }

        @Override
        public long ramBytesUsed() {
            return vectors.ramBytesUsed();
        }

        @Override
        public void close() throws IOException {
            vectors.close();
        }
    }
}
