package qantar.search;

import dev.langchain4j.rag.query.transformer.QueryTransformer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;
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
    private static final int GLOBAL_CANDIDATES = 100;
    private static final int SIDE_CANDIDATES = 40;
    private static final float OWN_FIELD = 1.0f;
    private static final float OTHER_FIELD = 0.8f;
    private static final float TRANSLIT_FIELD = 0.5f;
    private static final float FUZZY_TRANSLIT = 0.25f;
    /** Anchors and context words still rank passages a little, among equally covering ones. */
    private static final float SCENE = 0.3f;
    private static final double BM25_SHARE = 0.6;
    /** A glossary concept is curated subject matter; a bare word may be filler the stop lists missed. */
    private static final double GLOSSARY_WEIGHT = 2.0;
    private static final double BARE_WORD_CAP = 1.5;
    /**
     * A word the corpus never uses may be slang or a typo, or the very subject the corpus lacks (the
     * zoo in "what did the Almaty zoo do"): it weighs less than a curated concept, as much as a rare word.
     */
    private static final double UNSEEN_WORD = 1.0;
    /** "How many…?" asks for a figure: among passages that cover it about as well, those giving one come first. */
    private static final Pattern ASKS_FOR_FIGURE = Pattern.compile(
            "(?iu)(?<!\\p{L})(сколько|скока|скоко|сколка|количеств\\p{L}*|число|численност\\p{L}*|how many|how much|number of|қанша|неше)(?!\\p{L})");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final double FIGURE = 0.2;
    /** The usual reciprocal rank fusion constant: ranks far down still count, a little. */
    private static final int RRF_K = 60;

    public record Hit(Passage passage, double score, double coverage) {
    }

    /**
     * The question as understood, and the candidates, best first. {@code vectorText} is what was
     * embedded for the vector search, or null when vectors took no part; {@code translations} are
     * the other forms of the question that were searched too.
     */
    public record Retrieval(Lang lang, List<Concept> concepts, boolean anchored, String vectorText, List<String> translations,
                            List<Hit> hits) {
        public double bestCoverage() {
            return hits.stream().mapToDouble(Hit::coverage).max().orElse(0);
        }
    }

    private static final Hit NONE = new Hit(null, 0, 0);
    private static final Comparator<Hit> BEST_FIRST = Comparator.comparingDouble(Hit::score).reversed()
            .thenComparing(h -> h.passage().id());

    private record State(QueryPlanner planner, Map<String, Passage> passages, Set<String> withFigures) {
    }

    private final PassageIndex index;
    private final Map<Lang, org.apache.lucene.analysis.Analyzer> analyzers = Map.of(
            Lang.RU, Analyzers.russian(), Lang.EN, Analyzers.english(), Lang.KK, Analyzers.kazakh());
    private final org.apache.lucene.analysis.Analyzer translit = Analyzers.translit();
    private volatile State state;
    /** Other forms of a question to search as well (translations, when a model is configured). */
    private volatile QueryTransformer forms = question -> List.of(question);

    public Retriever(PassageIndex index, Corpus corpus) {
        this.index = index;
        update(corpus);
    }

    /** Takes a new live corpus (after the index was rebuilt from it). */
    public void update(Corpus corpus) {
        Set<String> withFigures = new java.util.HashSet<>();
        corpus.passages().stream().filter(Retriever::givesFigure).forEach(p -> withFigures.add(p.id()));
        state = new State(new QueryPlanner(corpus.glossary()), corpus.passagesById(), withFigures);
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
        State s = state;
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
        return new Retrieval(lang, concepts, anchored, own.vectorText(), used, hits);
    }

    /** One form of the question; {@code english} is its English translation, if any, for the vector search. */
    private Retrieval retrieve(State s, String question, Lang lang, Set<Side> sides, boolean vectors, String english) {
        List<Concept> concepts = s.planner().plan(question, lang);
        if (concepts.isEmpty()) {
            return new Retrieval(lang, concepts, false, null, List.of(), List.of());
        }
        List<Query> conceptQueries = new ArrayList<>();
        for (Concept c : concepts) {
            conceptQueries.add(conceptQuery(c, lang));
        }
        String vectorText = vectors && index.embedder().isPresent() ? vectorText(question, lang, concepts, english) : null;
        float[] vector = vectorText == null ? null : index.embedder().get().embed(vectorText);
        boolean figure = ASKS_FOR_FIGURE.matcher(question).find();
        return index.search(searcher -> {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (int i = 0; i < concepts.size(); i++) {
                Query q = conceptQueries.get(i);
                all.add(concepts.get(i).counts() ? q : new BoostQuery(q, SCENE), Occur.SHOULD);
            }
            Query query = all.build();
            Set<Side> wanted = sides == null || sides.isEmpty() ? Set.of(Side.values()) : sides;
            Map<Integer, Float> candidates = new HashMap<>();
            if (wanted.size() == Side.values().length) {
                for (ScoreDoc d : searcher.search(query, GLOBAL_CANDIDATES).scoreDocs) {
                    candidates.put(d.doc, d.score);
                }
            }
            Map<Integer, Integer> vectorRank = new HashMap<>();
            for (Side side : wanted) {
                Query sideFilter = new TermQuery(new Term(PassageIndex.SIDE, side.id()));
                Query filtered = new BooleanQuery.Builder().add(query, Occur.MUST).add(sideFilter, Occur.FILTER).build();
                for (ScoreDoc d : searcher.search(filtered, SIDE_CANDIDATES).scoreDocs) {
                    candidates.put(d.doc, d.score);
                }
                if (vector != null) {
                    ScoreDoc[] near = searcher.search(new KnnFloatVectorQuery(PassageIndex.VECTOR, vector, SIDE_CANDIDATES, sideFilter),
                            SIDE_CANDIDATES).scoreDocs;
                    for (int r = 0; r < near.length; r++) {
                        vectorRank.put(near[r].doc, r + 1);
                        candidates.putIfAbsent(near[r].doc, 0f);
                    }
                }
            }
            int docs = searcher.getIndexReader().numDocs();
            boolean anchored = false;
            double total = 0;
            double[] weight = new double[concepts.size()];
            FixedBitSet[] matches = new FixedBitSet[concepts.size()];
            for (int i = 0; i < concepts.size(); i++) {
                matches[i] = matching(searcher, conceptQueries.get(i));
                anchored |= concepts.get(i).anchor();
                if (concepts.get(i).counts()) {
                    weight[i] = weight(concepts.get(i), matches[i].cardinality(), docs);
                    total += weight[i];
                }
            }
            double maxBm25 = candidates.values().stream().mapToDouble(Float::doubleValue).max().orElse(1);
            var stored = searcher.storedFields();
            Map<Integer, Passage> found = new HashMap<>();
            for (int doc : candidates.keySet()) {
                Passage p = s.passages().get(stored.document(doc).get(PassageIndex.ID));
                if (p != null) {
                    found.put(doc, p);
                }
            }
            Map<Integer, Integer> bm25Rank = vector == null ? Map.of() : ranksWithinSide(candidates, found);
            List<Hit> hits = new ArrayList<>();
            for (var e : candidates.entrySet()) {
                int doc = e.getKey();
                Passage p = found.get(doc);
                if (p == null) {
                    continue;
                }
                double covered = 0;
                boolean sceneMatch = false;
                for (int i = 0; i < concepts.size(); i++) {
                    if (matches[i].get(doc)) {
                        covered += weight[i];
                        sceneMatch |= !concepts.get(i).counts();
                    }
                }
                // A question made only of anchors and context ("tell me about Qantar") is covered by passages naming them.
                double coverage = total > 0 ? covered / total : (sceneMatch ? 1 : 0);
                double order = vector == null ? e.getValue() / maxBm25
                        : (rrf(bm25Rank.get(doc)) + rrf(vectorRank.get(doc))) / (2 * rrf(1));
                double bonus = figure && s.withFigures().contains(p.id()) ? FIGURE : 0;
                hits.add(new Hit(p, coverage + BM25_SHARE * order + bonus, coverage));
            }
            hits.sort(BEST_FIRST);
            return new Retrieval(lang, concepts, anchored, vectorText, List.of(), hits);
        });
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

    private static double rrf(Integer rank) {
        return rank == null ? 0 : 1.0 / (RRF_K + rank);
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

    /** How much matching a concept says a passage is about the question: rarer is more telling. */
    static double weight(Concept c, int matchingDocs, int docs) {
        double idf = Math.log(1 + (double) docs / (1 + matchingDocs));
        if (c.fromGlossary()) {
            return idf * GLOSSARY_WEIGHT;
        }
        return matchingDocs == 0 ? UNSEEN_WORD : Math.min(idf, BARE_WORD_CAP);
    }

    /** Any form of the concept in any field; the best field counts (dis-max), so forms do not add up. */
    private Query conceptQuery(Concept c, Lang lang) {
        Set<Query> clauses = new LinkedHashSet<>();
        for (String form : c.forms()) {
            for (Lang l : Lang.values()) {
                Query q = termsQuery(PassageIndex.field(l), Analyzers.tokens(analyzers.get(l), "q", form));
                if (q != null) {
                    clauses.add(new BoostQuery(q, l == lang ? OWN_FIELD : OTHER_FIELD));
                }
            }
            List<String> latin = Analyzers.tokens(translit, "q", form);
            Query q = termsQuery(Analyzers.TRANSLIT, latin);
            if (q != null) {
                clauses.add(new BoostQuery(q, TRANSLIT_FIELD));
            }
            // Misspelt names: one edit away in Latin letters, for single longer words typed by the user.
            if (!c.fromGlossary() && latin.size() == 1 && latin.get(0).length() >= 5 && !latin.get(0).chars().allMatch(Character::isDigit)) {
                clauses.add(new BoostQuery(new FuzzyQuery(new Term(Analyzers.TRANSLIT, latin.get(0)), 1, 2), FUZZY_TRANSLIT));
            }
        }
        return new DisjunctionMaxQuery(clauses, 0.1f);
    }

    private static Query termsQuery(String field, List<String> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        tokens.forEach(t -> b.add(new TermQuery(new Term(field, t)), Occur.MUST));
        return b.build();
    }

    private static FixedBitSet matching(IndexSearcher searcher, Query q) throws IOException {
        FixedBitSet bits = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
        Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            Scorer scorer = w.scorer(ctx);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator it = scorer.iterator();
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                bits.set(ctx.docBase + d);
            }
        }
        return bits;
    }
}
