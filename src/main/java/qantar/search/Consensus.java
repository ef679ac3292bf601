package qantar.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.VectorUtil;
import qantar.corpus.Passage;
import qantar.corpus.Side;

/**
 * How close each candidate is to what the question's best candidates say: the cosine of its vector
 * with the mean vector of the first {@value #TOP} (the cluster hypothesis: passages that answer a
 * question resemble one another, a passage that merely shares a word with it does not). Passage
 * vectors are of their English text, so this holds for a question in any language, whatever its own
 * vector is made of.
 */
final class Consensus {
    static final int TOP = 5;

    private Consensus() {
    }

    /** Per candidate document, its cosine with the mean of the first {@value #TOP} of {@code bestFirst}; empty when none has a vector. */
    static Map<Integer, Double> of(IndexSearcher searcher, List<Integer> bestFirst, Map<Integer, Passage> found) throws IOException {
        Map<Integer, float[]> vectors = vectors(searcher, bestFirst, found);
        float[] mean = null;
        int n = 0;
        for (int doc : bestFirst) {
            float[] v = vectors.get(doc);
            if (v == null) {
                continue;
            }
            if (mean == null) {
                mean = new float[v.length];
            }
            VectorUtil.add(mean, v);
            if (++n == TOP) {
                break;
            }
        }
        Map<Integer, Double> out = new HashMap<>();
        if (mean == null) {
            return out;
        }
        for (var e : vectors.entrySet()) {
            float cosine = VectorUtil.cosine(mean, e.getValue());
            out.put(e.getKey(), Float.isNaN(cosine) ? 0 : (double) cosine); // NaN: a vector of zeros
        }
        return out;
    }

    /** The candidates' vectors, read leaf by leaf and side by side in document order (as the values iterate). */
    private static Map<Integer, float[]> vectors(IndexSearcher searcher, List<Integer> docs, Map<Integer, Passage> found) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<Integer, Map<Side, List<Integer>>> byLeaf = new TreeMap<>();
        docs.stream().sorted().forEach(doc -> {
            Passage p = found.get(doc);
            if (p != null) {
                byLeaf.computeIfAbsent(ReaderUtil.subIndex(doc, leaves), l -> new HashMap<>())
                        .computeIfAbsent(p.side(), s -> new ArrayList<>()).add(doc);
            }
        });
        Map<Integer, float[]> out = new HashMap<>();
        for (var leafDocs : byLeaf.entrySet()) {
            LeafReaderContext leaf = leaves.get(leafDocs.getKey());
            for (var sideDocs : leafDocs.getValue().entrySet()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(PassageIndex.vectorField(sideDocs.getKey()));
                if (values == null) {
                    continue;
                }
                for (int doc : sideDocs.getValue()) {
                    int local = doc - leaf.docBase;
                    int at = values.docID() < local ? values.advance(local) : values.docID();
                    if (at == local) {
                        out.put(doc, values.vectorValue().clone());
                    }
                }
            }
        }
        return out;
    }
}
