package qantar.search;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;
import qantar.corpus.Side;

/**
 * One Lucene search of the whole question that gathers, at once, the global top, every side's own
 * top (the side read from doc values) and which documents match each concept. The question's query
 * is the disjunction of its concepts, so every document matching a concept passes by here, and the
 * concepts' own iterators only need to be advanced to the documents visited: no second scan.
 */
final class LexicalPass extends SimpleCollector {
    /** BM25 scores of the global and per-side top documents, and each concept's matching documents. */
    record Result(Map<Integer, Float> bm25, FixedBitSet[] matches) {
    }

    private final List<Weight> concepts;
    private final Set<Side> wanted;
    private final SideTop global;
    private final Map<Side, SideTop> bySide = new EnumMap<>(Side.class);
    private final FixedBitSet[] matches;
    private final DocIdSetIterator[] iterators;
    private Scorable scorer;
    private SideValues sides;
    private int base;

    private LexicalPass(IndexSearcher searcher, List<Weight> concepts, Set<Side> wanted, int globalN, int sideN) {
        this.concepts = concepts;
        this.wanted = wanted;
        this.global = new SideTop(wanted.size() == Side.values().length ? globalN : 0);
        wanted.forEach(s -> bySide.put(s, new SideTop(sideN)));
        int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
        matches = new FixedBitSet[concepts.size()];
        for (int i = 0; i < matches.length; i++) {
            matches[i] = new FixedBitSet(maxDoc);
        }
        iterators = new DocIdSetIterator[concepts.size()];
    }

    /** Runs {@code all}, the disjunction of {@code conceptQueries}, once. */
    static Result run(IndexSearcher searcher, Query all, List<Query> conceptQueries, Set<Side> wanted, RetrievalSettings set)
            throws IOException {
        List<Weight> weights = new java.util.ArrayList<>();
        for (Query q : conceptQueries) {
            weights.add(searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f));
        }
        LexicalPass pass = new LexicalPass(searcher, weights, wanted, set.globalCandidates(), set.sideCandidates());
        searcher.search(all, pass);
        Map<Integer, Float> bm25 = new HashMap<>();
        pass.global.forEach(bm25::put);
        pass.bySide.values().forEach(top -> top.forEach(bm25::put));
        return new Result(bm25, pass.matches);
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        base = context.docBase;
        sides = new SideValues(context.reader());
        for (int i = 0; i < iterators.length; i++) {
            Scorer s = concepts.get(i).scorer(context);
            iterators[i] = s == null ? null : s.iterator();
        }
    }

    @Override
    public void setScorer(Scorable scorer) {
        this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
        int id = base + doc;
        // Only live documents are collected, so the matches leave out an updated passage's old version.
        for (int i = 0; i < iterators.length; i++) {
            DocIdSetIterator it = iterators[i];
            if (it != null && (it.docID() == doc || (it.docID() < doc && it.advance(doc) == doc))) {
                matches[i].set(id);
            }
        }
        Side side = sides.of(doc);
        if (side == null || !wanted.contains(side)) {
            return;
        }
        float score = scorer.score();
        global.offer(id, score);
        bySide.get(side).offer(id, score);
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE;
    }
}
