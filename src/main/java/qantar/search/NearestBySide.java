package qantar.search;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;
import qantar.corpus.Side;

/**
 * Every wanted side's passages nearest to the question's vector, ranked within the side. Each side's
 * vectors are in a field of their own ({@link PassageIndex#vectorField}). On an index of up to
 * {@link #EXACT_UP_TO} vectors one pass of exact cosine over all of them is cheaper than a graph
 * search (and exact; most vectors are ruled out by a cheaper estimate); beyond, each side's field
 * has its HNSW graph, searched without a filter.
 */
final class NearestBySide {
    /** {@code -Dqantar.exactVectors=N} moves the limit, to measure one way against the other. */
    static final int EXACT_UP_TO = Integer.getInteger("qantar.exactVectors", 20_000);

    /**
     * A side's graph is searched for this many times the candidates it gives: with as many, the
     * nearest found at 100,000 passages were 70 % of the exact ones; with 3 times, 85 %, for about
     * 1 ms more (bench --knn).
     */
    private static final int GRAPH_BEAM = 3;

    /** The ways to find them, for {@code bench --knn} to compare. */
    enum Way { EXACT, GRAPH_PER_SIDE }

    private NearestBySide() {
    }

    /** Each near document's rank (1 is best) among the nearest of its side. */
    static Map<Integer, Integer> ranks(IndexSearcher searcher, float[] vector, Set<Side> wanted, int perSide) throws IOException {
        Way way = vectorCount(searcher) <= EXACT_UP_TO ? Way.EXACT : Way.GRAPH_PER_SIDE;
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
        if (way == Way.GRAPH_PER_SIDE) {
            for (Side side : wanted) {
                ScoreDoc[] near = searcher.search(new KnnFloatVectorQuery(PassageIndex.vectorField(side), vector, perSide * GRAPH_BEAM), perSide).scoreDocs;
                for (int r = 0; r < near.length; r++) {
                    ranks.put(near[r].doc, r + 1);
                }
            }
            return ranks;
        }
        for (SideTop top : exact(searcher, vector, wanted, perSide).values()) {
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
            for (Side side : wanted) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(PassageIndex.vectorField(side));
                if (values != null) {
                    exact(leaf, values, vector, queryNorm, bySide.get(side), estimated.get(side), perSide);
                }
            }
        }
        return bySide;
    }

    /** The exact pass over one side's vectors in one segment. */
    private static void exact(LeafReaderContext leaf, FloatVectorValues values, float[] vector, float queryNorm, SideTop top,
                              SideTop guess, int perSide) throws IOException {
        float[] norms = VectorNorms.of(leaf.reader());
        Bits live = leaf.reader().getLiveDocs();
        for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
            if (live == null || live.get(d)) {
                float[] v = values.vectorValue();
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

    private static long vectorCount(IndexSearcher searcher) throws IOException {
        long n = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            for (Side side : Side.values()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(PassageIndex.vectorField(side));
                n += values == null ? 0 : values.size();
            }
        }
        return n;
    }
}
