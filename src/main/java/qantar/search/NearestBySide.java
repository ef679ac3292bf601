package qantar.search;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;
import qantar.corpus.Side;

/**
 * Every wanted side's passages nearest to the question's vector, ranked within the side. On an
 * index of up to {@link #EXACT_UP_TO} vectors one pass of exact cosine over all of them is cheaper
 * than a graph search (and exact; most vectors are ruled out by a cheaper estimate); beyond, each side has its filtered HNSW search. One graph search
 * for all sides ({@link SideKnnCollector}) is measured by {@code bench --knn} but not used yet: on a
 * small test index it left a side with fewer than its due.
 */
final class NearestBySide {
    /** {@code -Dqantar.exactVectors=N} moves the limit, to measure one way against the other. */
    static final int EXACT_UP_TO = Integer.getInteger("qantar.exactVectors", 20_000);

    /** The ways to find them, for {@code bench --knn} to compare. */
    enum Way { EXACT, FILTERED_PER_SIDE, ONE_GRAPH_SEARCH }

    private NearestBySide() {
    }

    /** Each near document's rank (1 is best) among the nearest of its side. */
    static Map<Integer, Integer> ranks(IndexSearcher searcher, float[] vector, Set<Side> wanted, int perSide) throws IOException {
        Way way = vectorCount(searcher) <= EXACT_UP_TO ? Way.EXACT : Way.FILTERED_PER_SIDE;
        return ranks(way, searcher, vector, wanted, perSide);
    }

    /** The ranks, found on the thread that completes {@code embedding} as soon as it has the vector (null without one). */
    static java.util.concurrent.CompletableFuture<Map<Integer, Integer>> once(java.util.concurrent.CompletableFuture<float[]> embedding,
                                                                            IndexSearcher searcher, Set<Side> wanted, int perSide) {
        return embedding.thenApply(v -> {
            try {
                return v == null ? null : ranks(searcher, v, wanted, perSide);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The ranks of {@link #once}, a failure to read the index thrown as it was. */
    static Map<Integer, Integer> joined(java.util.concurrent.CompletableFuture<Map<Integer, Integer>> ranks) throws IOException {
        try {
            return ranks.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    static Map<Integer, Integer> ranks(Way way, IndexSearcher searcher, float[] vector, Set<Side> wanted, int perSide) throws IOException {
        Map<Integer, Integer> ranks = new HashMap<>();
        if (way == Way.FILTERED_PER_SIDE) {
            for (Side side : wanted) {
                Query sideFilter = new TermQuery(new Term(PassageIndex.SIDE, side.id()));
                ScoreDoc[] near = searcher.search(new KnnFloatVectorQuery(PassageIndex.VECTOR, vector, perSide, sideFilter), perSide).scoreDocs;
                for (int r = 0; r < near.length; r++) {
                    ranks.put(near[r].doc, r + 1);
                }
            }
            return ranks;
        }
        Map<Side, SideTop> near = way == Way.EXACT ? exact(searcher, vector, wanted, perSide) : graph(searcher, vector, wanted, perSide);
        for (SideTop top : near.values()) {
            int[] docs = top.bestFirst();
            for (int r = 0; r < docs.length; r++) {
                ranks.put(docs[r], r + 1);
            }
        }
        return ranks;
    }

    /**
     * Exact cosine, as {@link VectorSimilarityFunction#COSINE} computes it, but only for the vectors
     * that can still enter their side's top: a first, cheaper estimate (Lucene's dot product, over
     * norms computed once per segment) rules out the rest. The estimate differs
     * from the exact value by well under {@link #MARGIN}, so a document it rules out was not among
     * the exact top, and the list is the very same as one of exact cosine over every vector.
     */
    private static Map<Side, SideTop> exact(IndexSearcher searcher, float[] vector, Set<Side> wanted, int perSide) throws IOException {
        Map<Side, SideTop> bySide = new EnumMap<>(Side.class);
        Map<Side, SideTop> estimated = new EnumMap<>(Side.class);
        wanted.forEach(s -> bySide.put(s, new SideTop(perSide)));
        wanted.forEach(s -> estimated.put(s, new SideTop(perSide)));
        float queryNorm = squaredNorm(vector);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(PassageIndex.VECTOR);
            if (values == null) {
                continue;
            }
            float[] norms = VectorNorms.of(leaf.reader());
            Bits live = leaf.reader().getLiveDocs();
            SideValues sides = new SideValues(leaf.reader());
            for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                Side side = live == null || live.get(d) ? sides.of(d) : null;
                SideTop top = side == null ? null : bySide.get(side);
                if (top == null) {
                    continue;
                }
                float[] v = values.vectorValue();
                SideTop guess = estimated.get(side);
                float estimate = (float) (VectorUtil.dotProduct(vector, v) / Math.sqrt((double) queryNorm * (double) norms[d]));
                // The kept estimates are each within MARGIN / 2 of their exact cosine, so the exact
                // top's last is at least the estimated top's last less MARGIN / 2, and a document
                // this far below it cannot reach it.
                boolean out = guess.size() == perSide && estimate < guess.worst() - MARGIN;
                guess.offer(d, estimate);
                if (!out) {
                    top.offer(leaf.docBase + d, VectorSimilarityFunction.COSINE.compare(vector, v));
                }
            }
        }
        return bySide;
    }

    /**
     * How far below a side's estimated top an estimate may be and still be computed exactly. The
     * estimate's error is below {@code 2 * dim * 2^-24} of the product of the norms (2.3e-5 for 384
     * dimensions): a margin many times that.
     */
    private static final float MARGIN = 1e-3f;

    /** The squared norm, summed in order as the exact cosine sums it. */
    static float squaredNorm(float[] v) {
        float n = 0;
        for (float x : v) {
            n += x * x;
        }
        return n;
    }

    /** One graph search per segment, live documents only, every side's nearest kept apart. */
    private static Map<Side, SideTop> graph(IndexSearcher searcher, float[] vector, Set<Side> wanted, int perSide) throws IOException {
        SideKnnCollector collector = new SideKnnCollector(wanted, perSide);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader reader = leaf.reader();
            if (reader.getFloatVectorValues(PassageIndex.VECTOR) == null) {
                continue;
            }
            collector.segment(SideValues.all(reader), leaf.docBase);
            reader.searchNearestVectors(PassageIndex.VECTOR, vector, collector, reader.getLiveDocs());
        }
        return collector.bySide();
    }

    private static long vectorCount(IndexSearcher searcher) throws IOException {
        long n = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(PassageIndex.VECTOR);
            n += values == null ? 0 : values.size();
        }
        return n;
    }
}
