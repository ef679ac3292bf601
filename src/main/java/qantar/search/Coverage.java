package qantar.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * How well a passage covers a question: the rarity-weighted share of the question's counting
 * concepts it matches. Comparable across questions, unlike a BM25 score, so it decides relevance.
 */
final class Coverage {
    private final List<Concept> concepts;
    private final FixedBitSet[] matches;
    private final double[] weight;
    private final double total;

    private Coverage(List<Concept> concepts, FixedBitSet[] matches, double[] weight, double total) {
        this.concepts = concepts;
        this.matches = matches;
        this.weight = weight;
        this.total = total;
    }

    static Coverage of(IndexSearcher searcher, List<Concept> concepts, List<Query> queries, RetrievalSettings settings) throws IOException {
        int docs = searcher.getIndexReader().numDocs();
        FixedBitSet[] matches = new FixedBitSet[concepts.size()];
        double[] weight = new double[concepts.size()];
        double total = 0;
        // Beside a subject, context words (a place, a side named) narrow it a little: «protests in
        // Zhanaozen». Alone they are only the scene, which any passage on the events covers.
        boolean subject = concepts.stream().anyMatch(Concept::counts);
        for (int i = 0; i < concepts.size(); i++) {
            matches[i] = matching(searcher, queries.get(i));
            Concept c = concepts.get(i);
            double share = c.counts() ? 1 : subject && c.context() && c.frame() == null && !c.anchor() ? settings.sceneCoverage() : 0;
            if (share > 0) {
                weight[i] = share * weight(c, matches[i].cardinality(), docs, settings);
                total += weight[i];
            }
        }
        return new Coverage(concepts, matches, weight, total);
    }

    /**
     * The passage's coverage. A question made only of anchors, context and frame words ("tell me
     * about Qantar", "what happened?") is covered by the passages matching any of them.
     */
    double of(int doc) {
        double covered = 0;
        boolean sceneMatch = false;
        for (int i = 0; i < concepts.size(); i++) {
            if (matches[i].get(doc)) {
                covered += weight[i];
                sceneMatch |= !concepts.get(i).counts();
            }
        }
        return total > 0 ? covered / total : (sceneMatch ? 1 : 0);
    }

    double[] weights() {
        return weight.clone();
    }

    double total() {
        return total;
    }

    /** How much matching a concept says a passage is about the question: rarer is more telling. */
    static double weight(Concept c, int matchingDocs, int docs, RetrievalSettings s) {
        double idf = Math.log(1 + (double) docs / (1 + matchingDocs));
        if (c.fromGlossary()) {
            return idf * s.glossaryWeight();
        }
        return matchingDocs == 0 ? s.unseenWord() : Math.min(idf, s.bareWordCap());
    }

    private static FixedBitSet matching(IndexSearcher searcher, Query q) throws IOException {
        FixedBitSet bits = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
        Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            Scorer scorer = w.scorer(ctx);
            if (scorer == null) {
                continue;
            }
            // A scorer also visits deleted documents (an updated passage's old version) until they are merged away.
            org.apache.lucene.util.Bits live = ctx.reader().getLiveDocs();
            DocIdSetIterator it = scorer.iterator();
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                if (live == null || live.get(d)) {
                    bits.set(ctx.docBase + d);
                }
            }
        }
        return bits;
    }
}
