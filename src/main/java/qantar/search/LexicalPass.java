package qantar.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;
import qantar.corpus.Side;

/**
 * The question's BM25 scores, gathered at once into the global top and every side's own top. The
 * question's query ({@link #questionQuery}) is a sum of its concepts' queries, and what each concept
 * matches, with the score it gives every document, is known from earlier questions
 * ({@link ConceptMatches}): so a question adds up its concepts' scores instead of walking the index
 * again. The sums are Lucene's, to the last bit: each group of clauses is summed exactly (in double,
 * as Lucene sums a disjunction) and rounded to float, then the groups are added in float.
 */
final class LexicalPass {
    /**
     * BM25 scores of the global and per-side top documents, and the live documents matching each
     * concept ({@link ConceptMatches}).
     */
    record Result(Map<Integer, Float> bm25, FixedBitSet[] matches) {
    }

    private LexicalPass() {
    }

    /** Scores the question made of {@code concepts}, whose queries are {@code conceptQueries}. */
    static Result run(IndexSearcher searcher, List<Concept> concepts, List<Query> conceptQueries, Set<Side> wanted,
                      RetrievalSettings set) throws IOException {
        boolean[] subject = subjects(concepts);
        boolean anySubject = false;
        List<Query> clauses = new ArrayList<>();
        for (int i = 0; i < subject.length; i++) {
            anySubject |= subject[i];
            clauses.add(subject[i] ? conceptQueries.get(i) : new BoostQuery(conceptQueries.get(i), set.scene()));
        }
        ConceptMatches.Found[] found = ConceptMatches.of(searcher, clauses, new SharedTerms(searcher));
        int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
        double[] subjectSum = new double[maxDoc];
        double[] sceneSum = new double[maxDoc];
        FixedBitSet candidates = new FixedBitSet(maxDoc);
        FixedBitSet[] matches = new FixedBitSet[found.length];
        for (int i = 0; i < found.length; i++) {
            matches[i] = found[i].docs();
            add(found[i], subject[i] ? subjectSum : sceneSum);
            if (subject[i] || !anySubject) {
                candidates.or(found[i].docs());
            }
        }
        SideTop global = new SideTop(wanted.size() == Side.values().length ? set.globalCandidates() : 0);
        Map<Side, SideTop> bySide = new EnumMap<>(Side.class);
        wanted.forEach(s -> bySide.put(s, new SideTop(set.sideCandidates())));
        Side[] sides = ConceptMatches.sides(searcher);
        for (int d = candidates.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS; d = next(candidates, d)) {
            SideTop top = sides[d] == null ? null : bySide.get(sides[d]);
            if (top != null) {
                float score = (float) subjectSum[d] + (float) sceneSum[d];
                global.offer(d, score);
                top.offer(d, score);
            }
        }
        Map<Integer, Float> bm25 = new HashMap<>();
        global.forEach(bm25::put);
        bySide.values().forEach(top -> top.forEach(bm25::put));
        return new Result(bm25, matches);
    }

    private static void add(ConceptMatches.Found f, double[] sum) {
        float[] scores = f.scores();
        int d = -1;
        for (float score : scores) {
            d = f.docs().nextSetBit(d + 1);
            sum[d] += score;
        }
    }

    private static int next(FixedBitSet bits, int doc) {
        return doc + 1 >= bits.length() ? DocIdSetIterator.NO_MORE_DOCS : bits.nextSetBit(doc + 1);
    }

    /**
     * The question as one query: any of its concepts, the scene words weighing less. When the
     * question has a subject, a candidate must match some of it: a passage matching only the scene
     * ("January", "Kazakhstan") covers none of the question, and such passages are most of the corpus.
     * {@link #run} computes its scores without running it.
     */
    static Query questionQuery(List<Concept> concepts, List<Query> conceptQueries, RetrievalSettings set) {
        BooleanQuery.Builder subject = new BooleanQuery.Builder();
        BooleanQuery.Builder scene = new BooleanQuery.Builder();
        boolean[] isSubject = subjects(concepts);
        int subjects = 0;
        for (int i = 0; i < concepts.size(); i++) {
            if (isSubject[i]) {
                subject.add(conceptQueries.get(i), Occur.SHOULD);
                subjects++;
            } else {
                scene.add(new BoostQuery(conceptQueries.get(i), set.scene()), Occur.SHOULD);
            }
        }
        if (subjects == 0) {
            return scene.build();
        }
        // The same sum of scores as one disjunction of all, over the passages that match a subject.
        return new BooleanQuery.Builder().add(subject.build(), Occur.MUST).add(scene.build(), Occur.SHOULD).build();
    }

    /** Per concept, whether it is of the question's subject rather than its scene. */
    private static boolean[] subjects(List<Concept> concepts) {
        // A claim's wording finds candidates as its subject does ("$200"); coverage weighs it less.
        boolean claim = Coverage.claim(concepts);
        boolean[] out = new boolean[concepts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = concepts.get(i).counts() || Coverage.wording(concepts.get(i), claim);
        }
        return out;
    }
}
