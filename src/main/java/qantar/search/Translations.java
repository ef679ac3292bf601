package qantar.search;

import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import qantar.corpus.Lang;
import qantar.search.Retriever.Hit;
import qantar.search.Retriever.Retrieval;

/**
 * The other forms of a question (its translations, when a model is configured) and how their
 * candidates join those of the question as asked: a form counts only when it names a subject the
 * glossary knows, and a passage keeps its best score under any form (every form is scored alike,
 * with the question's one vector: by coverage and order, or by the answers-this probability), its
 * best coverage and its best ask match.
 */
final class Translations {
    /** One other form of the question and what it retrieved. */
    record Form(String text, Retrieval retrieval) {
    }

    private Translations() {
    }

    /** The forms {@code transformer} gives for {@code question}, without the question itself. */
    static List<String> of(QueryTransformer transformer, String question) {
        return transformer.transform(Query.from(question)).stream().map(Query::text).filter(t -> !t.equals(question)).distinct()
                .toList();
    }

    /** The first of {@code forms} in English (for the vector search, whose model knows only English), or null. */
    static String english(List<String> forms) {
        return forms.stream().filter(t -> LanguageDetector.detect(t) == Lang.EN).findFirst().orElse(null);
    }

    /** {@code own} with the concepts and candidates of the forms that name a glossary subject; {@code own} itself when none does. */
    static Retrieval merge(Retrieval own, List<Form> forms) {
        List<Concept> concepts = new ArrayList<>(own.concepts());
        boolean anchored = own.anchored();
        Map<String, Hit> best = new HashMap<>();
        own.hits().forEach(h -> best.put(h.passage().id(), h));
        List<String> used = new ArrayList<>();
        for (Form form : forms) {
            Retrieval r = form.retrieval();
            if (r.concepts().stream().noneMatch(Concept::curatedSubject)) {
                continue; // only the model's own words: they would add noise, not meaning
            }
            used.add(form.text());
            r.concepts().stream().filter(c -> concepts.stream().noneMatch(k -> k.forms().equals(c.forms()))).forEach(concepts::add);
            anchored |= r.anchored();
            for (Hit h : r.hits()) {
                best.merge(h.passage().id(), h, (x, y) -> new Hit(x.passage(), Math.max(x.score(), y.score()),
                        Math.max(x.coverage(), y.coverage()), Math.max(x.asked(), y.asked())));
            }
        }
        if (used.isEmpty()) {
            return own;
        }
        List<Hit> hits = new ArrayList<>(best.values());
        hits.sort(Ranking.BEST_FIRST);
        return new Retrieval(own.lang(), concepts, anchored, own.vectorText(), used, hits, own.uncovered());
    }
}
