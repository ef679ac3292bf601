package qantar.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Which live documents match each concept, in the whole index: its rarity, and how it overlaps the
 * question's other concepts. Finding them walks every matching document, so a concept's documents
 * are kept for as long as the index reader they were found on is the current one: the glossary's
 * concepts recur question after question, and a reader changes only when the corpus does.
 */
final class ConceptMatches {
    /** At most this many bits kept (8 MB): every glossary concept at the shipped size, thousands at 100,000 passages. */
    private static final long MAX_KEPT_BITS = 64L << 20;
    /** The documents of the latest reader only: a new reader (an approval) starts afresh. */
    private static volatile Cache cache = new Cache(null);

    private record Cache(IndexReader.CacheKey reader, Map<Query, FixedBitSet> docs, AtomicLong bits) {
        Cache(IndexReader.CacheKey reader) {
            this(reader, new ConcurrentHashMap<>(), new AtomicLong());
        }
    }

    private ConceptMatches() {
    }

    /** {@code [i]}: the live documents matching {@code queries[i]}, whose weights are {@code weights}. Not to be changed. */
    static FixedBitSet[] of(IndexSearcher searcher, List<Query> queries, List<Weight> weights) throws IOException {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        Cache c = cache;
        if (helper != null && c.reader() != helper.getKey()) {
            c = new Cache(helper.getKey());
            cache = c;
        }
        FixedBitSet[] out = new FixedBitSet[queries.size()];
        for (int i = 0; i < out.length; i++) {
            FixedBitSet known = helper == null ? null : c.docs().get(queries.get(i));
            out[i] = known != null ? known : matching(searcher, weights.get(i));
            if (helper != null && known == null && c.bits().addAndGet(out[i].length()) < MAX_KEPT_BITS) {
                c.docs().put(queries.get(i), out[i]);
            }
        }
        return out;
    }

    private static FixedBitSet matching(IndexSearcher searcher, Weight w) throws IOException {
        FixedBitSet out = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer s = w.scorer(leaf);
            if (s == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator it = s.iterator();
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                if (live == null || live.get(d)) {
                    out.set(leaf.docBase + d);
                }
            }
        }
        return out;
    }
}
