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

    // Each signal's place in a candidate's signals (AnswersThis.FEATURES).
    private static final int COVERAGE = at("coverage");
    private static final int RELATIVE = at("relative");
    private static final int BM25 = at("bm25");
    private static final int BM25_RANK = at("bm25_rank");
    private static final int VECTOR_RANK = at("vector_rank");
    private static final int ASKED = at("asked");
    private static final int ASKS_SUBJECT = at("asks_subject");
    private static final int FRAME = at("frame");
    private static final int TOPIC = at("topic");
    private static final int SIDE_RANK = at("side_rank");
    private static final int FULL = at("full");
    private static final int FULL_TOPIC = at("full_topic");
    private static final int BEST = at("best");
    private static final int CONSENSUS = at("consensus");

    private Ranking() {
    }

    private static int at(String feature) {
        int i = AnswersThis.FEATURES.indexOf(feature);
        if (i < 0) {
            throw new IllegalStateException("no signal " + feature);
        }
        return i;
    }

    static List<Hit> rank(IndexSearcher searcher, RetrievalState s, List<Concept> concepts, List<Frame> frames, boolean overview,
                          Candidates c, boolean fused, Map<Integer, Passage> found, Coverage coverage, RetrievalSettings set)
            throws IOException {
        Map<Integer, Integer> bm25Rank = fused ? ranksWithinSide(c.bm25(), found) : Map.of();
        var askForms = s.asks().forms(concepts);
        double[] weights = coverage.weights();
        // Only vector candidates (no word of the question in the corpus): every BM25 share is 0, not 0/0.
        double maxBm25 = c.bm25().values().stream().mapToDouble(Float::doubleValue).filter(v -> v > 0).max().orElse(1);
        List<Hit> hits = new ArrayList<>();
        Map<String, double[]> signals = new HashMap<>();
        AnswersThis model = set.answersThis();
        for (var e : c.bm25().entrySet()) {
            Passage p = found.get(e.getKey());
            if (p == null) {
                continue;
            }
            double cover = coverage.of(e.getKey());
            double order = !fused ? e.getValue() / maxBm25
                    : (rrf(bm25Rank.get(e.getKey()), set) + rrf(c.vectorRank().get(e.getKey()), set)) / (2 * rrf(1, set));
            double asked = s.asks().of(p, concepts, askForms, weights, coverage.total());
            double frame = preference(s, frames, overview, p, set);
            hits.add(new Hit(p, cover + set.bm25Share() * order + frame + set.askMatch() * asked, cover, asked));
            if (model.computes() && fused) {
                double[] x = new double[AnswersThis.FEATURES.size()];
                x[COVERAGE] = cover;
                x[BM25] = e.getValue() / maxBm25;
                x[BM25_RANK] = rrf(bm25Rank.get(e.getKey()), set) / rrf(1, set);
                x[VECTOR_RANK] = rrf(c.vectorRank().get(e.getKey()), set) / rrf(1, set);
                x[ASKED] = asked;
                x[ASKS_SUBJECT] = asked > 0 ? 1 : 0;
                x[FRAME] = frame > 0 ? 1 : 0;
                signals.put(p.id(), x);
            }
        }
        hits.sort(BEST_FIRST);
        if (model.computes() && fused) {
            consensus(searcher, hits, found, signals);
        }
        // The model is fitted on the vector ranks too: a search by words only keeps the coverage gates.
        return model.computes() && fused ? answering(hits, signals, model, set) : hits;
    }

    /** Each candidate's closeness to the first candidates ({@link Consensus}), into its signals. */
    private static void consensus(IndexSearcher searcher, List<Hit> hits, Map<Integer, Passage> found, Map<String, double[]> signals)
            throws IOException {
        Map<String, Integer> docOf = new HashMap<>();
        found.forEach((doc, p) -> docOf.put(p.id(), doc));
        List<Integer> bestFirst = hits.stream().map(h -> docOf.get(h.passage().id())).toList();
        Map<Integer, Double> close = Consensus.of(searcher, bestFirst, found);
        for (Hit h : hits) {
            signals.get(h.passage().id())[CONSENSUS] = close.getOrDefault(docOf.get(h.passage().id()), 0.0);
        }
    }

    /**
     * The candidates scored by how likely each answers the question ({@link AnswersThis}), best
     * first; the signals that need all candidates (best coverage, the question's topics) are added here.
     */
    private static List<Hit> answering(List<Hit> hits, Map<String, double[]> signals, AnswersThis model, RetrievalSettings set) {
        double best = hits.stream().mapToDouble(Hit::coverage).max().orElse(0);
        Set<String> topics = QuestionTopics.of(hits.stream().limit(set.topicHits()).map(Hit::passage).toList(), set.questionTopics());
        List<Hit> out = new ArrayList<>(hits.size());
        Map<Side, Integer> sideRank = new HashMap<>();
        for (Hit h : hits) {
            double[] x = signals.get(h.passage().id());
            x[RELATIVE] = best > 0 ? h.coverage() / best : 0;
            x[TOPIC] = h.passage().topics().stream().anyMatch(topics::contains) ? 1 : 0;
            x[SIDE_RANK] = 1.0 / sideRank.merge(h.passage().side(), 1, Integer::sum);
            x[FULL] = h.coverage() >= 1 - 1e-9 ? 1 : 0;
            x[FULL_TOPIC] = x[FULL] * x[TOPIC];
            x[BEST] = best;
            double p = model.p(h.passage().id(), x);
            out.add(model.on() ? new Hit(h.passage(), p, h.coverage(), h.asked()) : h);
        }
        out.sort(BEST_FIRST);
        return out;
    }

    /** The candidates' passages by document, read from the id doc values (no stored document is loaded). */
    static Map<Integer, Passage> passagesOf(IndexSearcher searcher, Map<String, Passage> byId, Set<Integer> docs) throws IOException {
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
                Passage p = byId.get(ids.lookupOrd(ids.ordValue()).utf8ToString());
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
                    || s.textPreferred().getOrDefault(f.id(), Set.of()).contains(p.id())
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
