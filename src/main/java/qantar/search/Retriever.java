package qantar.search;

import dev.langchain4j.rag.query.transformer.QueryTransformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
    /**
     * A candidate: its score (the order), its coverage of the question by its texts and asks, and
     * how closely one of its asks matches the question as a whole ({@code AskMatch}, 0 to 1).
     */
    public record Hit(Passage passage, double score, double coverage, double asked) {
        public Hit(Passage passage, double score, double coverage) {
            this(passage, score, coverage, 0);
        }
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

    private final PassageIndex index;
    private final Frames frames;
    private volatile RetrievalSettings settings;
    private volatile ConceptQueries queries;
    private volatile RetrievalState state;
    /** The corpus at construction, asked for when {@link #state()} first needs it. */
    private java.util.function.Supplier<Corpus> first;
    /** Other forms of a question to search as well (translations, when a model is configured). */
    private volatile QueryTransformer forms = question -> List.of(question);

    public Retriever(PassageIndex index, Corpus corpus) {
        this(index, corpus, Frames.NONE, RetrievalSettings.DEFAULT);
    }

    public Retriever(PassageIndex index, Corpus corpus, Frames frames, RetrievalSettings settings) {
        this(index, () -> corpus, frames, settings);
    }

    /** With the corpus read only when the first question needs it (a stored answer never does). */
    public Retriever(PassageIndex index, java.util.function.Supplier<Corpus> corpus, Frames frames, RetrievalSettings settings) {
        this.index = index;
        this.frames = frames;
        use(settings);
        this.first = java.util.Objects.requireNonNull(corpus);
    }

    /**
     * What retrieval needs of the corpus, made on the first question rather than at start: a stored
     * answer needs none of it.
     */
    private RetrievalState state() {
        RetrievalState s = state;
        if (s == null) {
            synchronized (this) {
                if (state == null) {
                    // The first question also embeds and transliterates: both start on the other core while the corpus is read.
                    index.embedder().ifPresent(Embedder::loadInBackground);
                    Analyzers.prepareTranslit();
                    state = RetrievalState.of(first.get(), frames, null);
                    first = null;
                }
                s = state;
            }
        }
        return s;
    }

    /** Takes a new live corpus (after the index was updated from it). Questions meanwhile use the previous one. */
    public synchronized void update(Corpus corpus) {
        state = RetrievalState.of(corpus, frames, state);
        first = null;
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
     * The question's candidates, with those of its other forms (translations) that name a subject
     * the glossary knows ({@link Translations#merge}). Every form is searched with the question's
     * one vector, so the forms' candidates are scored alike and their scores compare.
     */
    public Retrieval retrieve(String asked, Lang lang, Set<Side> sides) {
        RetrievalState s = state();
        // Kazakh in Latin letters is read as the Cyrillic its words stand for
        String question = lang == Lang.KK && KazakhLatin.written(asked) ? KazakhLatin.cyrillic(asked) : asked;
        List<String> others = Translations.of(forms, question);
        List<Concept> concepts = s.planner().plan(question, lang);
        String vectorText = concepts.isEmpty() || index.embedder().isEmpty() ? null
                : VectorQuestion.text(question, lang, concepts, Translations.english(others));
        // The question is embedded while its lexical pass runs: neither needs the other.
        CompletableFuture<float[]> embedding = vectorText == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> embed(vectorText));
        Retrieval own = retrieve(s, question, lang, concepts, sides, embedding, vectorText);
        if (others.isEmpty()) {
            return own;
        }
        return Translations.merge(own, others.stream().map(o -> {
            Lang l = LanguageDetector.detect(o);
            return new Translations.Form(o, retrieve(s, o, l, s.planner().plan(o, l), sides, embedding, vectorText));
        }).toList());
    }

    /** One form of the question, with {@code embedding}, the vector of {@code vectorText} (null without vectors). */
    private Retrieval retrieve(RetrievalState s, String question, Lang lang, List<Concept> concepts, Set<Side> sides,
                               CompletableFuture<float[]> embedding, String vectorText) {
        if (concepts.isEmpty()) {
            return new Retrieval(lang, concepts, false, null, List.of(), List.of());
        }
        RetrievalSettings set = settings;
        ConceptQueries cq = queries();
        List<Query> conceptQueries = concepts.stream().map(c -> cq.of(c, lang)).toList();
        List<Frame> frames = framesOf(concepts);
        boolean overview = isOverview(concepts);
        // An overview ("what happened?") is a question about the events even without naming them.
        boolean anchored = overview || concepts.stream().anyMatch(Concept::anchor);
        Set<Side> wanted = sides == null || sides.isEmpty() ? Set.of(Side.values()) : sides;
        return index.search(searcher -> {
            // The nearest vectors are found on the embedding's thread as soon as it has the vector,
            // while this one runs the lexical pass: the two halves of the search need nothing of each other.
            CompletableFuture<Map<Integer, Integer>> nearest = NearestBySide.once(embedding, searcher, wanted, set.sideCandidates());
            LexicalPass.Result lexical = LexicalPass.run(searcher, concepts, conceptQueries, wanted, set);
            Map<Integer, Integer> near = NearestBySide.joined(nearest);
            boolean fused = near != null; // null: no vector, the search was by words only
            Map<Integer, Integer> vectorRank = fused ? near : Map.of();
            Map<Integer, Float> bm25 = new HashMap<>(lexical.bm25());
            vectorRank.keySet().forEach(d -> bm25.putIfAbsent(d, 0f));
            Coverage coverage = Coverage.of(searcher.getIndexReader().numDocs(), concepts, lexical.matches(),
                    Names.written(question, concepts), set);
            List<Hit> hits = Ranking.rank(searcher, s, concepts, frames, overview, new Ranking.Candidates(bm25, vectorRank), fused,
                    Ranking.passagesOf(searcher, s.passages(), bm25.keySet()), coverage, set);
            return new Retrieval(lang, concepts, anchored, fused ? vectorText : null, List.of(), hits,
                    Names.uncovered(searcher, question, concepts, cq, lang, s.passages()));
        });
    }

    /** The question's vector, or null where the model cannot run (then the search is by words only). */
    private float[] embed(String text) {
        try {
            return index.embedder().orElseThrow().embed(text);
        } catch (Embedder.Unavailable e) {
            return null;
        }
    }

    private static List<Frame> framesOf(List<Concept> concepts) {
        return concepts.stream().map(Concept::frame).filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static boolean isOverview(List<Concept> concepts) {
        return concepts.stream().noneMatch(Concept::counts) && framesOf(concepts).stream().anyMatch(Frame::standsAlone);
    }
}
