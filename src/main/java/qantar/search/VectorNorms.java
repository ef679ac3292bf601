package qantar.search;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.DocIdSetIterator;
import qantar.corpus.Side;

/**
 * Each segment's passage vectors' squared norms, by document, computed once per segment: a
 * segment's vectors never change, and the exact cosine of every question would otherwise compute
 * them again.
 */
final class VectorNorms {
    /** By segment core; an entry goes when its segment is no longer referenced. */
    private static final Map<IndexReader.CacheKey, float[]> BY_SEGMENT = Collections.synchronizedMap(new WeakHashMap<>());

    private VectorNorms() {
    }

    /** The squared norms of the segment's vectors by document (0 where a document has none). */
    static float[] of(LeafReader reader) throws IOException {
        IndexReader.CacheHelper core = reader.getCoreCacheHelper();
        if (core == null) {
            return compute(reader);
        }
        float[] norms = BY_SEGMENT.get(core.getKey());
        if (norms == null) {
            norms = compute(reader);
            BY_SEGMENT.put(core.getKey(), norms);
        }
        return norms;
    }

    private static float[] compute(LeafReader reader) throws IOException {
        float[] norms = new float[reader.maxDoc()];
        for (Side side : Side.values()) {
            FloatVectorValues values = reader.getFloatVectorValues(PassageIndex.vectorField(side));
            if (values != null) {
                for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                    norms[d] = NearestBySide.squaredNorm(values.vectorValue());
                }
            }
        }
        return norms;
    }
}
