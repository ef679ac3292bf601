package qantar.answer;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import qantar.config.ScopeRules;
import qantar.config.Texts;
import qantar.corpus.Lang;
import qantar.corpus.Side;
import qantar.corpus.Source;
import qantar.search.Concept;
import qantar.search.LanguageDetector;
import qantar.search.Retriever;
import qantar.search.Retriever.Retrieval;
import qantar.store.AnswerStore;
import qantar.store.Sha256;

/**
 * Question in, answer out: detects the language, decides whether the question is about the
 * January 2022 events at all, retrieves, composes, and stores the answer under a short id.
 */
public final class AnswerService {
    /** Longer questions are cut before retrieval; nobody asks a useful question in more words. */
    public static final int MAX_QUESTION_CHARS = 1000;
    /**
     * Coverage from which a question counts as being about the events even if nothing is relevant
     * enough to show: "in scope, nothing in the corpus" rather than "not my subject".
     */
    static final double ON_TOPIC = 0.34;
    /**
     * A question with no curated subject term (only words the glossary lacks) is about the events
     * only if one passage covers most of it: one word of two found by chance («дайындайды», prepares,
     * in «how is beshbarmak prepared») is not enough.
     */
    static final double UNCURATED = 0.7;
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final Retriever retriever;
    private final ExtractiveComposer extractive;
    /** Extractive unless configuration plugs in another (see {@link #useComposer}). */
    private volatile Composer composer;
    private final ScopeRules scope;
    private final Texts texts;
    private final AnswerStore answers;
    private final CorpusView corpus;
    /** The edition of answers ({@link AnswerStore#edition}): a new one answers every question afresh. */
    private final long edition;

    /** What the service needs of the live corpus: its sources, passages and revision, all of which change. */
    public interface CorpusView {
        Map<String, Source> sources();

        long revision();

        /** The passages the timeline cites (the curated key items an overview shows first). */
        java.util.Set<String> timelinePassages();

        /** Each side's overall account and the timeline's items, where an overview takes its key items from ({@link qantar.corpus.Corpus#keyPassages}). */
        java.util.List<qantar.corpus.Passage> keyPassages();
    }

    public AnswerService(Retriever retriever, ScopeRules scope, Texts texts, AnswerStore answers, CorpusView corpus, long edition) {
        this.retriever = retriever;
        this.extractive = new ExtractiveComposer(retriever::cluster, retriever::settings, corpus::timelinePassages, corpus::keyPassages);
        this.composer = (question, retrieval, lang, sides) -> extractive.statements(retrieval, lang, sides);
        this.scope = scope;
        this.texts = texts;
        this.answers = answers;
        this.corpus = corpus;
        this.edition = edition;
    }

    /** An answer and the retrieval it was composed from, for {@code --explain} and the evaluation. */
    public record Explained(Answer answer, Retrieval retrieval) {
    }

    /**
     * The answer to a question, stored under its short id. The same question, language, sides,
     * corpus revision and edition reopen the stored answer (only the asking is logged), so nothing is
     * composed twice and a citation always shows what was first shown.
     */
    public Answer answer(Question q) {
        return answer(q, r -> { });
    }

    /**
     * As {@link #answer}, with the retrieval behind it: the one it was composed from, or for a
     * stored answer the retrieval of its question now (a stored answer keeps no candidates).
     */
    public Explained explain(Question q) {
        Retrieval[] used = new Retrieval[1];
        Answer a = answer(q, r -> used[0] = r);
        Retrieval r = used[0] != null ? used[0] : retriever.retrieve(a.question(), LanguageDetector.detect(a.question()), q.sides());
        return new Explained(a, r);
    }

    private Answer answer(Question q, Consumer<Retrieval> used) {
        String text = clip(q.text());
        // Detected once: now when the id needs it, else only when the answer has to be composed.
        Lang written = q.lang() != null ? null : LanguageDetector.detect(text);
        Lang lang = q.lang() != null ? q.lang() : written;
        long revision = corpus.revision();
        String id = id(text, lang, q.sides(), revision, edition);
        Optional<Answer> stored = find(id);
        if (stored.isPresent()) {
            answers.logAsked(id, Instant.now().toString());
            return stored.get();
        }
        Explained e = compose(q, text, written != null ? written : LanguageDetector.detect(text), revision, id);
        used.accept(e.retrieval());
        Answer a = e.answer();
        // Stored as it is; only when another asker stored the same id first is theirs the one shown.
        boolean first = answers.save(id, text, lang.code(), revision, AnswerJson.write(a, false), a.bestCoverage(), a.createdAt());
        return first ? a : find(id).orElse(a);
    }

    /** Composes an answer afresh without storing it (what {@link #answer} does for a new question). */
    public Explained compose(Question q) {
        String text = clip(q.text());
        Lang written = LanguageDetector.detect(text);
        long revision = corpus.revision();
        return compose(q, text, written, revision, id(text, q.lang() != null ? q.lang() : written, q.sides(), revision, edition));
    }

    /** {@code written} is the language the question is written in: retrieval reads it so, the answer may be asked in another. */
    private Explained compose(Question q, String text, Lang written, long revision, String id) {
        Lang lang = q.lang() != null ? q.lang() : written;
        Retrieval r = retriever.retrieve(text, written, q.sides());
        double best = r.bestCoverage();
        // Off-topic cues win unless the events are named; a question of bare words must be covered well.
        boolean curated = r.concepts().stream().anyMatch(Concept::curatedSubject);
        boolean inScope = r.anchored()
                || (!scope.offTopic(text) && best >= (curated ? ON_TOPIC : UNCURATED));
        // A name the corpus never uses is a subject it does not cover: passages on the rest would not be about it.
        boolean uncovered = inScope && !r.uncovered().isEmpty();
        List<Statement> statements = inScope && !uncovered ? composer.statements(text, r, lang, q.sides()) : List.of();
        String message = !inScope ? texts.get("out_of_scope", lang)
                : uncovered ? texts.get("nothing_on", lang, "subject", String.join(", ", r.uncovered()))
                : statements.isEmpty() ? texts.get("nothing_found", lang) : null;
        return new Explained(new Answer(id, text, lang, inScope, statements,
                inScope ? ExtractiveComposer.missing(statements, q.sides()) : List.of(),
                ExtractiveComposer.sources(statements, r.hits(), corpus.sources()), message, revision, Instant.now().toString(), best), r);
    }

    private static String clip(String question) {
        String text = question.strip();
        return text.length() > MAX_QUESTION_CHARS ? text.substring(0, MAX_QUESTION_CHARS) : text;
    }

    /** The extractive composer with the live settings, clusters and timeline, which another composer may start from. */
    public ExtractiveComposer extractive() {
        return extractive;
    }

    /** Composes answers with {@code c} from now on (a model-written composer, chosen by configuration). */
    public void useComposer(Composer c) {
        composer = java.util.Objects.requireNonNull(c);
    }

    /** A stored answer, exactly as it was first shown. */
    public Optional<Answer> find(String id) {
        return answers.find(id.toLowerCase(Locale.ROOT).strip()).map(AnswerJson::read);
    }

    /** The same question, language, sides, corpus revision and edition always get the same short id. */
    static String id(String question, Lang lang, java.util.Set<Side> sides, long revision, long edition) {
        // The first edition adds nothing, so the ids of answers stored before editions existed stay as they were.
        String key = question.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + "|" + lang.code() + "|"
                + new TreeSet<>(sides.stream().map(Side::id).toList()) + "|" + revision
                + (edition > 0 ? "|" + edition : "");
        byte[] h = Sha256.of(key);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(ID_ALPHABET.charAt((h[i] & 0xff) % ID_ALPHABET.length()));
        }
        return sb.toString();
    }
}
