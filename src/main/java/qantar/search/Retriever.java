package qantar.search;

import dev.langchain4j.rag.query.transformer.QueryTransformer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import qantar.corpus.Corpus;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;

/**
 * Finds the passages that answer a question. Every side's best passages are considered, not only
 * the global top: a side with few passages must not be crowded out by a side with many.
 *
 * <p>Each hit gets a coverage: the share of the question's concepts it matches, each concept
 * weighted by its rarity in the corpus (a word the corpus never uses weighs most). Coverage, not
 * the raw BM25 score, decides relevance, because it is comparable across questions.
 *
 * <p>Among passages of equal coverage, the order comes from BM25 or, when the index carries vectors,
 * from the reciprocal rank fusion of BM25 and vector similarity within each side. The embedding model
 * knows only English: a question in another language is embedded through the English terms of the
 * glossary concepts it matched.
 */
public final class Retriever {
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** A candidate: its score (the order) and its coverage of the question by its texts and asks. */
    public record Hit(Passage passage, double score, double coverage) {
    }

    /**
     * The question as understood, and the candidates, best first. {@code vectorText} is what was
     * embedded for the vector search, or null when vectors took no part; {@code translations} are
     * the other forms of the question that were searched too; {@code uncovered} the names in it
     * that the corpus never uses.
     */
    public record Retrieval(Lang lang, List<Concept> concepts, boolean anchored, String vectorText, List<String> translations,
                            List<Hit> hits, List<String> uncovered) {
        public Retrieval(Lang lang, List<Concept> concepts, boolean anchored, String vectorText, List<String> translations,
                         List<Hit> hits) {
            this(lang, concepts, anchored, vectorText, translations, hits, List.of());
        }

        public double bestCoverage() {
            return hits.stream().mapToDouble(Hit::coverage).max().orElse(0);
        }

        /** An overview ("what happened?", "briefly"): a frame that stands alone, and no subject beyond the events. */
        public boolean overview() {
            return isOverview(concepts);
        }
    }

    private static final Hit NONE = new Hit(null, 0, 0);
    private static final Comparator<Hit> BEST_FIRST = Comparator.comparingDouble(Hit::score).reversed()
            .thenComparing(h -> h.passage().id());

    private record State(QueryPlanner planner, Map<String, Passage> passages, Set<String> withFigures,
                         Map<String, List<Passage>> clusters, AskMatch asks, Set<String> inTimeline) {
    }

    private final PassageIndex index;
    private final Frames frames;
    private volatile RetrievalSettings settings;
    private volatile ConceptQueries queries;
    private volatile State state;
    /** The corpus given at construction, until {@link #state()} first needs it. */
    private Corpus first;
    /** Other forms of a question to search as well (translations, when a model is configured). */
    private volatile QueryTransformer forms = question -> List.of(question);

    public Retriever(PassageIndex index, Corpus corpus) {
        this(index, corpus, Frames.NONE, RetrievalSettings.DEFAULT);
    }

    public Retriever(PassageIndex index, Corpus corpus, Frames frames, RetrievalSettings settings) {
        this.index = index;
        this.frames = frames;
        use(settings);
        this.first = corpus;
    }

    /**
     * What retrieval needs of the corpus, made on the first question rather than at start: a stored
     * answer needs none of it.
     */
    private State state() {
        State s = state;
        if (s == null) {
            synchronized (this) {
                if (state == null) {
                    state = build(first, null);
                    first = null;
                }
                s = state;
            }
        }
        return s;
    }

    /** Takes a new live corpus (after the index was updated from it). Questions meanwhile use the previous one. */
    public synchronized void update(Corpus corpus) {
        state = build(corpus, state);
        first = null;
    }

    private State build(Corpus corpus, State before) {
        Set<String> withFigures = new java.util.HashSet<>();
        for (Passage p : corpus.passages()) {
            // a passage that is the very same object as before (unchanged by a reload) keeps its answer
            boolean same = before != null && before.passages().get(p.id()) == p;
            if (same ? before.withFigures().contains(p.id()) : givesFigure(p)) {
                withFigures.add(p.id());
            }
        }
        Map<String, List<Passage>> clusters = new HashMap<>();
        corpus.passages().forEach(p -> clusters.computeIfAbsent(p.clusterId(), k -> new ArrayList<>()).add(p));
        // After an approval most passages are unchanged: their analysed asks are taken over.
        AskMatch asks = before == null ? new AskMatch(corpus.passages()) : new AskMatch(corpus.passages(), before.asks(), before.passages());
        return new State(new QueryPlanner(corpus.glossary(), frames), corpus.passagesById(), withFigures, clusters,
                asks,
                corpus.timeline().stream().flatMap(t -> t.passageIds().stream()).collect(java.util.stream.Collectors.toSet()));
    }

    /** Retrieves with other settings from now on (for {@code eval --set}). */
    public void use(RetrievalSettings s) {
        settings = java.util.Objects.requireNonNull(s);
        queries = null; // made on the next question
    }

    private ConceptQueries queries() {
        ConceptQueries q = queries;
        if (q == null) {
            synchronized (this) {
                if (queries == null) {
                    queries = new ConceptQueries(settings);
                }
                q = queries;
            }
        }
        return q;
    }

    public RetrievalSettings settings() {
        return settings;
    }

    /** The passages stating the same fact as {@code p} (its fact cluster), {@code p} first. */
    public List<Passage> cluster(Passage p) {
        List<Passage> all = state().clusters().getOrDefault(p.clusterId(), List.of(p));
        List<Passage> out = new ArrayList<>(List.of(p));
        all.stream().filter(x -> !x.id().equals(p.id())).forEach(out::add);
        return out;
    }

    /** The embedding model behind the vector half of the search, if vectors are on. */
    public java.util.Optional<Embedder> embedder() {
        return index.embedder();
    }

    public void useQueryTransformer(QueryTransformer transformer) {
        forms = java.util.Objects.requireNonNull(transformer);
    }

    /**
     * The question's candidates. Other forms of it (translations) are searched too when they name a
     * subject the glossary knows; a passage then keeps its best coverage under any form, and among
     * equally covering passages the question as asked decides the order.
     */
    public Retrieval retrieve(String question, Lang lang, Set<Side> sides) {
        State s = state();
        List<String> others = forms.transform(dev.langchain4j.rag.query.Query.from(question)).stream()
                .map(dev.langchain4j.rag.query.Query::text).filter(t -> !t.equals(question)).distinct().toList();
        String english = others.stream().filter(t -> LanguageDetector.detect(t) == Lang.EN).findFirst().orElse(null);
        Retrieval own = retrieve(s, question, lang, sides, true, english);
        List<Concept> concepts = new ArrayList<>(own.concepts());
        boolean anchored = own.anchored();
        Map<String, Hit> asked = new HashMap<>();
        own.hits().forEach(h -> asked.put(h.passage().id(), h));
        Map<String, Hit> best = new HashMap<>(asked);
        List<String> used = new ArrayList<>();
        for (String other : others) {
            Retrieval r = retrieve(s, other, LanguageDetector.detect(other), sides, false, null);
            if (r.concepts().stream().noneMatch(c -> c.fromGlossary() && c.counts())) {
                continue; // only the model's own words: they would add noise, not meaning
            }
            used.add(other);
            r.concepts().stream().filter(c -> concepts.stream().noneMatch(k -> k.forms().equals(c.forms()))).forEach(concepts::add);
            anchored |= r.anchored();
            for (Hit h : r.hits()) {
                String id = h.passage().id();
                if (h.coverage() > best.getOrDefault(id, NONE).coverage()) {
                    Hit mine = asked.get(id);
                    best.put(id, new Hit(h.passage(), h.coverage() + (mine == null ? 0 : mine.score() - mine.coverage()), h.coverage()));
                }
            }
        }
        if (used.isEmpty()) {
            return own;
        }
        List<Hit> hits = new ArrayList<>(best.values());
        hits.sort(BEST_FIRST);
        return new Retrieval(lang, concepts, anchored, own.vectorText(), used, hits, own.uncovered());
    }

    /** One form of the question; {@code english} is its English translation, if any, for the vector search. */
    private Retrieval retrieve(State s, String question, Lang lang, Set<Side> sides, boolean vectors, String english) {
        List<Concept> concepts = s.planner().plan(question, lang);
        if (concepts.isEmpty()) {
            return new Retrieval(lang, concepts, false, null, List.of(), List.of());
        }
        RetrievalSettings set = settings;
        ConceptQueries cq = queries();
        List<Query> conceptQueries = concepts.stream().map(c -> cq.of(c, lang)).toList();
        String wantedVectorText = vectors && index.embedder().isPresent() ? vectorText(question, lang, concepts, english) : null;
        // The question is embedded while its lexical pass runs: neither needs the other.
        CompletableFuture<float[]> embedding = wantedVectorText == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> embed(wantedVectorText));
        List<Frame> frames = framesOf(concepts);
        boolean overview = isOverview(concepts);
        // An overview ("what happened?") is a question about the events even without naming them.
        boolean anchored = overview || concepts.stream().anyMatch(Concept::anchor);
        Set<Side> wanted = sides == null || sides.isEmpty() ? Set.of(Side.values()) : sides;
        return index.search(searcher -> {
            LexicalPass.Result lexical = LexicalPass.run(searcher, questionQuery(concepts, conceptQueries, set), conceptQueries, wanted, set);
            float[] vector = embedding.join();
            Map<Integer, Float> bm25 = new HashMap<>(lexical.bm25());
            Map<Integer, Integer> vectorRank = Map.of();
            if (vector != null) {
                vectorRank = NearestBySide.ranks(searcher, vector, wanted, set.sideCandidates());
                vectorRank.keySet().forEach(d -> bm25.putIfAbsent(d, 0f));
            }
            Coverage coverage = Coverage.of(searcher.getIndexReader().numDocs(), concepts, lexical.matches(), set);
            List<Hit> hits = rank(s, concepts, frames, overview, new Candidates(bm25, vectorRank), vector != null,
                    passagesOf(searcher, s, bm25.keySet()), coverage, set);
            return new Retrieval(lang, concepts, anchored, vector == null ? null : wantedVectorText, List.of(), hits,
                    names(searcher, question, concepts, cq, lang));
        });
    }

    /** The question as one query: any of its concepts, the scene words weighing less. */
    private static Query questionQuery(List<Concept> concepts, List<Query> conceptQueries, RetrievalSettings set) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < concepts.size(); i++) {
            Query q = conceptQueries.get(i);
            all.add(concepts.get(i).counts() ? q : new BoostQuery(q, set.scene()), Occur.SHOULD);
        }
        return all.build();
    }

    /** The candidates' passages by document, read from the id doc values (no stored document is loaded). */
    private static Map<Integer, Passage> passagesOf(IndexSearcher searcher, State s, Set<Integer> docs) throws java.io.IOException {
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

    /** The candidates scored and sorted: coverage first, then the BM25 (or fused) order, frames' and asks' preferences. */
    private static List<Hit> rank(State s, List<Concept> concepts, List<Frame> frames, boolean overview, Candidates c,
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
            hits.add(new Hit(p, cover + set.bm25Share() * order + preference(s, frames, overview, p, set) + set.askMatch() * asked, cover));
        }
        hits.sort(BEST_FIRST);
        return hits;
    }

    /** The question's vector, or null where the model cannot run (then the search is by words only). */
    private float[] embed(String text) {
        try {
            return index.embedder().orElseThrow().embed(text);
        } catch (Embedder.Unavailable e) {
            return null;
        }
    }

    /** Lexical candidates with their BM25 scores (vector-only ones at 0), and each vector candidate's rank in its side. */
    private record Candidates(Map<Integer, Float> bm25, Map<Integer, Integer> vectorRank) {
    }

    /** What the question's frames add for a passage: a figure for "how many", a prison term for "what sentence"... */
    private static double preference(State s, List<Frame> frames, boolean overview, Passage p, RetrievalSettings set) {
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

    /**
     * The names among the words no passage uses, not even misspelt by one letter: a person, place or
     * thing the corpus does not cover ("Satybaldy", "Aktobe"). Passages about the rest of the
     * question would not be about it.
     */
    private static List<String> names(IndexSearcher searcher, String question, List<Concept> concepts, ConceptQueries cq, Lang lang)
            throws java.io.IOException {
        List<String> out = new ArrayList<>();
        for (Concept c : concepts) {
            String w = c.label();
            if (c.fromGlossary() || c.frame() != null || c.anchor() || w.length() < 4 || !Names.looksLikeName(question, w)) {
                continue;
            }
            if (searcher.count(cq.exact(c, lang)) == 0) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<Frame> framesOf(List<Concept> concepts) {
        return concepts.stream().map(Concept::frame).filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static boolean isOverview(List<Concept> concepts) {
        return concepts.stream().noneMatch(Concept::counts) && framesOf(concepts).stream().anyMatch(Frame::standsAlone);
    }

    /** Whether a passage gives a figure: a number of 10 or more that is not a year. */
    static boolean givesFigure(Passage p) {
        Matcher m = NUMBER.matcher(Analyzers.joinDigitGroups(p.texts().values().iterator().next()));
        while (m.find()) {
            String digits = m.group();
            boolean year = digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"));
            if (!year && (digits.length() > 2 || Integer.parseInt(digits) >= 10)) {
                return true;
            }
        }
        return false;
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

    /**
     * What to embed for the vector search: an English question as it is; otherwise the English terms
     * of the glossary concepts it matched (on the dev set a better guide than a whole translation),
     * else its English {@code translation}; null when there is neither (the model reads only English).
     */
    static String vectorText(String question, Lang lang, List<Concept> concepts, String translation) {
        if (lang == Lang.EN) {
            return question;
        }
        List<String> terms = new ArrayList<>();
        for (Concept c : concepts) {
            if (c.fromGlossary()) {
                c.forms().stream().filter(Retriever::isLatin).findFirst().ifPresent(terms::add);
            }
        }
        return terms.isEmpty() ? translation : String.join(" ", terms);
    }

    private static boolean isLatin(String term) {
        return term.chars().anyMatch(Character::isLetter)
                && term.chars().filter(Character::isLetter).allMatch(c -> c < 0x250);
    }

}
