package qantar.search;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;
import qantar.corpus.Side;

/**
 * One Lucene search of the whole question that gathers, at once, the global top and every side's own
 * top (the side read from doc values). Once every top is full, a document scoring below the lowest
 * of their last entries can enter none of them, and the search is told so: the disjunction then
 * skips most of the documents (block-max scores) instead of scoring every one that matches a word.
 *
 * <p>Which documents match each concept is found once per index reader ({@link ConceptMatches}).
 */
final class LexicalPass extends SimpleCollector {
    /**
     * BM25 scores of the global and per-side top documents, and the live documents matching each
     * concept ({@link ConceptMatches}).
     */
    record Result(Map<Integer, Float> bm25, FixedBitSet[] matches) {
    }

    private final Set<Side> wanted;
    private final SideTop global;
    private final Map<Side, SideTop> bySide = new EnumMap<>(Side.class);
    /** The tops that take documents: the global one only when every side is wanted. */
    private final List<SideTop> tops = new java.util.ArrayList<>();
    private final int[] capacity;
    private Scorable scorer;
    private SideValues sides;
    private int base;
    /** The score below which no document can enter any top (0 while one is not full). */
    private float competitive;

    private LexicalPass(Set<Side> wanted, int globalN, int sideN) {
        this.wanted = wanted;
        this.global = new SideTop(wanted.size() == Side.values().length ? globalN : 0);
        wanted.forEach(s -> bySide.put(s, new SideTop(sideN)));
        if (wanted.size() == Side.values().length && globalN > 0) {
            tops.add(global);
        }
        if (sideN > 0) {
            tops.addAll(bySide.values());
        }
        capacity = tops.stream().mapToInt(t -> t == global ? globalN : sideN).toArray();
    }

    /** Runs {@code all}, the disjunction of {@code conceptQueries}, once. */
    static Result run(IndexSearcher searcher, Query all, List<Query> conceptQueries, Set<Side> wanted, RetrievalSettings set)
            throws IOException {
        SharedTerms terms = new SharedTerms(searcher);
        List<Weight> weights = new java.util.ArrayList<>();
        for (Query q : conceptQueries) {
            weights.add(searcher.createWeight(searcher.rewrite(terms.of(q)), ScoreMode.COMPLETE_NO_SCORES, 1f));
        }
        LexicalPass pass = new LexicalPass(wanted, set.globalCandidates(), set.sideCandidates());
        searcher.search(terms.of(all), pass);
        Map<Integer, Float> bm25 = new HashMap<>();
        pass.global.forEach(bm25::put);
        pass.bySide.values().forEach(top -> top.forEach(bm25::put));
        return new Result(bm25, ConceptMatches.of(searcher, conceptQueries, weights));
    }

    /**
     * The question as one query: any of its concepts, the scene words weighing less. When the
     * question has a subject, a candidate must match some of it: a passage matching only the scene
     * ("January", "Kazakhstan") covers none of the question, and such passages are most of the corpus.
     */
    static Query questionQuery(List<Concept> concepts, List<Query> conceptQueries, RetrievalSettings set) {
        BooleanQuery.Builder subject = new BooleanQuery.Builder();
        BooleanQuery.Builder scene = new BooleanQuery.Builder();
        // A claim's wording finds candidates as its subject does ("$200"); coverage weighs it less.
        boolean claim = Coverage.claim(concepts);
        int subjects = 0;
        for (int i = 0; i < concepts.size(); i++) {
            Query q = conceptQueries.get(i);
            if (concepts.get(i).counts() || Coverage.wording(concepts.get(i), claim)) {
                subject.add(q, Occur.SHOULD);
                subjects++;
            } else {
                scene.add(new BoostQuery(q, set.scene()), Occur.SHOULD);
            }
        }
        if (subjects == 0) {
            return scene.build();
        }
        // The same sum of scores as one disjunction of all, over the passages that match a subject.
        return new BooleanQuery.Builder().add(subject.build(), Occur.MUST).add(scene.build(), Occur.SHOULD).build();
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        base = context.docBase;
        sides = new SideValues(context.reader());
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
        this.scorer = scorer;
        if (competitive > 0) {
            scorer.setMinCompetitiveScore(competitive);
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        Side side = sides.of(doc);
        if (side == null || !wanted.contains(side)) {
            return;
        }
        int id = base + doc;
        float score = scorer.score();
        global.offer(id, score);
        bySide.get(side).offer(id, score);
        raiseCompetitive();
    }

    /**
     * A top takes a document only when it scores above the top's last, so once all are full a
     * score below the lowest last cannot be kept (equal scores are still collected, and refused).
     */
    private void raiseCompetitive() throws IOException {
        float min = Float.POSITIVE_INFINITY;
        for (int i = 0; i < capacity.length; i++) {
            SideTop top = tops.get(i);
            if (top.size() < capacity[i]) {
                return;
            }
            min = Math.min(min, top.worst());
        }
        if (min > competitive && min != Float.POSITIVE_INFINITY) {
            competitive = min;
            scorer.setMinCompetitiveScore(min);
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.TOP_SCORES;
    }
}
