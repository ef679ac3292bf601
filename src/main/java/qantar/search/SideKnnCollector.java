package qantar.search;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import qantar.corpus.Side;

/**
 * One HNSW search that keeps every wanted side's own nearest documents: the graph is walked once
 * for all sides instead of once per side with a filter. The search goes on while any side could
 * still gain a document, so a small side is filled as a filtered search would fill it.
 */
final class SideKnnCollector implements KnnCollector {
    private final Map<Side, SideTop> bySide = new EnumMap<>(Side.class);
    private final int perSide;
    private Side[] sides;
    private int base;
    private long visited;

    SideKnnCollector(Set<Side> wanted, int perSide) {
        this.perSide = perSide;
        wanted.forEach(s -> bySide.put(s, new SideTop(perSide)));
    }

    /** The segment searched next: its documents' sides, and where its document ids start. */
    void segment(Side[] sides, int docBase) {
        this.sides = sides;
        this.base = docBase;
    }

    Map<Side, SideTop> bySide() {
        return bySide;
    }

    @Override
    public boolean collect(int doc, float similarity) {
        Side side = sides[doc];
        SideTop top = side == null ? null : bySide.get(side);
        return top != null && top.offerAny(base + doc, similarity);
    }

    /** The lowest similarity any side would still take: the worst side's last kept one, or none while a side is not full. */
    @Override
    public float minCompetitiveSimilarity() {
        float min = Float.POSITIVE_INFINITY;
        for (SideTop top : bySide.values()) {
            if (top.size() < perSide) {
                return Float.NEGATIVE_INFINITY;
            }
            min = Math.min(min, top.worst());
        }
        return min;
    }

    @Override
    public int k() {
        return perSide * bySide.size();
    }

    @Override
    public boolean earlyTerminated() {
        return false;
    }

    @Override
    public void incVisitedCount(int count) {
        visited += count;
    }

    @Override
    public long visitedCount() {
        return visited;
    }

    @Override
    public long visitLimit() {
        return Long.MAX_VALUE;
    }

    /** Not used: the per-side lists are read from {@link #bySide}. */
    @Override
    public TopDocs topDocs() {
        return new TopDocs(new TotalHits(visited, TotalHits.Relation.EQUAL_TO), new org.apache.lucene.search.ScoreDoc[0]);
    }
}
