package qantar.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * What coverage needs of each concept beyond the candidates: how many live documents match it (its
 * rarity). Counting walks every matching document, so a concept's count is kept for as long as the
 * index reader it was counted on is the current one: the glossary's concepts recur question after
 * question, and a reader changes only when the corpus does.
 */
final class ConceptCounts {
    /** Enough for every glossary concept in every language and many questions' own words. */
    private static final int MAX_KEPT = 20_000;
    /** The counts of the latest reader only: a new reader (an approval) starts afresh. */
    private static volatile Cache cache = new Cache(null);

    private record Cache(IndexReader.CacheKey reader, Map<Query, Integer> counts) {
        Cache(IndexReader.CacheKey reader) {
            this(reader, new ConcurrentHashMap<>());
        }
    }

    private ConceptCounts() {
    }

    /** {@code counts[i]}: the live documents matching {@code queries[i]}, whose weights are {@code weights}. */
    static int[] of(IndexSearcher searcher, List<Query> queries, List<Weight> weights) throws IOException {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        Cache c = cache;
        if (helper != null && c.reader() != helper.getKey()) {
            c = new Cache(helper.getKey());
            cache = c;
        }
        int[] counts = new int[queries.size()];
        for (int i = 0; i < counts.length; i++) {
            Integer known = helper == null ? null : c.counts().get(queries.get(i));
            counts[i] = known != null ? known : count(searcher, weights.get(i));
            if (helper != null && known == null && c.counts().size() < MAX_KEPT) {
                c.counts().put(queries.get(i), counts[i]);
            }
        }
        return counts;
    }

    private static int count(IndexSearcher searcher, Weight w) throws IOException {
        int n = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer s = w.scorer(leaf);
            if (s == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator it = s.iterator();
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                if (live == null || live.get(d)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** {@code matches[i]}: those of {@code docs} (live documents) that match {@code weights[i]}. */
    static FixedBitSet[] matches(IndexSearcher searcher, List<Weight> weights, Collection<Integer> docs) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
        FixedBitSet[] out = new FixedBitSet[weights.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new FixedBitSet(maxDoc);
        }
        int[] sorted = docs.stream().mapToInt(Integer::intValue).sorted().toArray();
        DocIdSetIterator[] its = new DocIdSetIterator[weights.size()];
        int leaf = -1;
        for (int doc : sorted) {
            int l = ReaderUtil.subIndex(doc, leaves);
            LeafReaderContext ctx = leaves.get(l);
            if (l != leaf) {
                leaf = l;
                for (int i = 0; i < its.length; i++) {
                    Scorer s = weights.get(i).scorer(ctx);
                    its[i] = s == null ? null : s.iterator();
                }
            }
            int d = doc - ctx.docBase;
            for (int i = 0; i < its.length; i++) {
                DocIdSetIterator it = its[i];
                if (it != null && (it.docID() == d || (it.docID() < d && it.advance(d) == d))) {
                    out[i].set(doc);
                }
            }
        }
        return out;
    }
}
