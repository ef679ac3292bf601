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
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import qantar.corpus.Side;

/**
 * Which live documents match each concept's query, in the whole index, and the score it gives each:
 * the concept's rarity, how it overlaps the question's other concepts, and the question's BM25
 * score, which is the sum of its concepts' ({@link LexicalPass}). Finding them walks and scores
 * every matching document, so a concept's documents are kept for as long as the index reader they
 * were found on is the current one: the glossary's concepts recur question after question, and a
 * reader changes only when the corpus does. Every document's side is kept the same way.
 */
final class ConceptMatches {
    /** About this many bytes kept: every glossary concept at the shipped size, about a thousand at 100,000 passages. */
    private static final long MAX_KEPT_BYTES = 96L << 20;
    /** The documents of the latest reader only: a new reader (an approval) starts afresh. */
    private static volatile Cache cache = new Cache(null, null);

    /**
     * The live documents matching a concept's query, with the score it gives each: {@code scores[j]}
     * is that of the {@code j}-th document of {@code docs} in increasing order. Not to be changed.
     */
    record Found(FixedBitSet docs, float[] scores) {
        long bytes() {
            return docs.length() / 8 + 4L * scores.length;
        }
    }

    private record Cache(IndexReader.CacheKey reader, Side[] sides, Map<Query, Found> found, AtomicLong bytes) {
        Cache(IndexReader.CacheKey reader, Side[] sides) {
            this(reader, sides, new ConcurrentHashMap<>(), new AtomicLong());
        }
    }

    private ConceptMatches() {
    }

    /** {@code [i]}: what {@code queries[i]} matches; {@code terms} looks up their terms. */
    static Found[] of(IndexSearcher searcher, List<Query> queries, SharedTerms terms) throws IOException {
        return of(searcher, queries, terms, MAX_KEPT_BYTES);
    }

    /** As {@link #of(IndexSearcher, List, SharedTerms)}, keeping at most about {@code budget} bytes. */
    static Found[] of(IndexSearcher searcher, List<Query> queries, SharedTerms terms, long budget) throws IOException {
        Cache c = current(searcher);
        Found[] out = new Found[queries.size()];
        for (int i = 0; i < out.length; i++) {
            Found known = c == null ? null : c.found().get(queries.get(i));
            out[i] = known != null ? known : find(searcher, queries.get(i), terms);
            if (c != null && known == null) {
                if (c.bytes().addAndGet(out[i].bytes()) > budget) {
                    // Full: what is kept starts afresh, so the concepts asked from now on are kept again.
                    c = new Cache(c.reader(), c.sides());
                    c.bytes().addAndGet(out[i].bytes());
                    cache = c;
                }
                c.found().put(queries.get(i), out[i]);
            }
        }
        return out;
    }

    /** Every document's side by its id in the searcher's reader (null: none, or deleted). Not to be changed. */
    static Side[] sides(IndexSearcher searcher) throws IOException {
        Cache c = current(searcher);
        return c != null ? c.sides() : sidesOf(searcher.getIndexReader());
    }

    private static Cache current(IndexSearcher searcher) throws IOException {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        if (helper == null) {
            return null;
        }
        Cache c = cache;
        if (c.reader() != helper.getKey()) {
            c = new Cache(helper.getKey(), sidesOf(searcher.getIndexReader()));
            cache = c;
        }
        return c;
    }

    private static Side[] sidesOf(IndexReader reader) throws IOException {
        Side[] out = new Side[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            Side[] own = SideValues.all(leaf.reader());
            Bits live = leaf.reader().getLiveDocs();
            for (int d = 0; d < own.length; d++) {
                out[leaf.docBase + d] = live == null || live.get(d) ? own[d] : null;
            }
        }
        return out;
    }

    private static Found find(IndexSearcher searcher, Query q, SharedTerms terms) throws IOException {
        Weight w = searcher.createWeight(searcher.rewrite(terms.of(q)), ScoreMode.COMPLETE, 1f);
        FixedBitSet docs = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
        float[] scores = new float[16];
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
                    if (n == scores.length) {
                        scores = java.util.Arrays.copyOf(scores, 2 * n);
                    }
                    docs.set(leaf.docBase + d);
                    scores[n++] = s.score();
                }
            }
        }
        return new Found(docs, java.util.Arrays.copyOf(scores, n));
    }
}
