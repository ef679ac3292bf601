package qantar.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.search.Retriever.Hit;

/**
 * A question form's candidates scored and sorted: coverage first, then the BM25 order (or, with
 * vectors, the reciprocal rank fusion of BM25 and vector ranks within each side), then what the
 * question's frames and the passages' asks prefer.
 */
final class Ranking {
    static final Comparator<Hit> BEST_FIRST = Comparator.comparingDouble(Hit::score).reversed()
            .thenComparing(h -> h.passage().id());

    /** Lexical candidates with their BM25 scores (vector-only ones at 0), and each vector candidate's rank in its side. */
    record Candidates(Map<Integer, Float> bm25, Map<Integer, Integer> vectorRank) {
    }

    private Ranking() {
    }

    static List<Hit> rank(RetrievalState s, List<Concept> concepts, List<Frame> frames, boolean overview, Candidates c,
                          boolean fused, Map<Integer, Passage> found, Coverage coverage, RetrievalSettings set) {
        Map<Integer, Integer> bm25Rank = fused ? ranksWithinSide(c.bm25(), found) : Map.of();
        var askForms = s.asks().forms(concepts);
        double[] weights = coverage.weights();
        double maxBm25 = c.bm25().values().stream().mapToDouble(Float::doubleValue).max().orElse(1);
        List<Hit> hits = new ArrayList<>();
        for (var e : c.bm25().entrySet()) {
            Passage p = found.get(e.getKey());
            if (p == null) {
                continue;
            }
            double cover = coverage.of(e.getKey());
            double order = !fused ? e.getValue() / maxBm25
                    : (rrf(bm25Rank.get(e.getKey()), set) + rrf(c.vectorRank().get(e.getKey()), set)) / (2 * rrf(1, set));
            double asked = s.asks().of(p, concepts, askForms, weights, coverage.total());
            hits.add(new Hit(p, cover + set.bm25Share() * order + preference(s, frames, overview, p, set) + set.askMatch() * asked, cover, asked));
        }
        hits.sort(BEST_FIRST);
        return hits;
    }

    /** The candidates' passages by document, read from the id doc values (no stored document is loaded). */
    static Map<Integer, Passage> passagesOf(IndexSearcher searcher, RetrievalState s, Set<Integer> docs) throws IOException {
        Map<Integer, Passage> found = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int[] sorted = docs.stream().mapToInt(Integer::intValue).sorted().toArray();
        SortedDocValues ids = null;
        int leaf = -1;
        for (int doc : sorted) {
            int l = ReaderUtil.subIndex(doc, leaves);
            if (l != leaf) {
                leaf = l;
                ids = DocValues.getSorted(leaves.get(l).reader(), PassageIndex.ID);
            }
            if (ids.advanceExact(doc - leaves.get(l).docBase)) {
                Passage p = s.passages().get(ids.lookupOrd(ids.ordValue()).utf8ToString());
                if (p != null) {
                    found.put(doc, p);
                }
            }
        }
        return found;
    }

    /** What the question's frames add for a passage: a figure for "how many", a prison term for "what sentence"... */
    private static double preference(RetrievalState s, List<Frame> frames, boolean overview, Passage p, RetrievalSettings set) {
        for (Frame f : frames) {
            if (f.standsAlone() && !overview) {
                continue; // "what happened to Masimov" wants Masimov, not the course of events
            }
            boolean preferred = (f.figure() && s.withFigures().contains(p.id()))
                    || (f.textPattern() != null && p.texts().values().stream().anyMatch(t -> f.textPattern().matcher(t).find()))
                    || p.topics().stream().anyMatch(f.topics()::contains)
                    || (f.timeline() && s.inTimeline().contains(p.id()));
            if (preferred) {
                return set.framePreference();
            }
        }
        return 0;
    }

    private static double rrf(Integer rank, RetrievalSettings set) {
        return rank == null ? 0 : 1.0 / (set.rrfK() + rank);
    }

    /** Each lexical candidate's BM25 rank among the candidates of its own side (1 is best). */
    private static Map<Integer, Integer> ranksWithinSide(Map<Integer, Float> bm25, Map<Integer, Passage> passages) {
        Map<Side, List<Integer>> bySide = new HashMap<>();
        bm25.forEach((doc, score) -> {
            if (score > 0 && passages.containsKey(doc)) {
                bySide.computeIfAbsent(passages.get(doc).side(), x -> new ArrayList<>()).add(doc);
            }
        });
        Map<Integer, Integer> ranks = new HashMap<>();
        for (List<Integer> docs : bySide.values()) {
            docs.sort(Comparator.comparingDouble((Integer d) -> -bm25.get(d)).thenComparing(d -> d));
            for (int r = 0; r < docs.size(); r++) {
                ranks.put(docs.get(r), r + 1);
            }
        }
        return ranks;
    }
}
