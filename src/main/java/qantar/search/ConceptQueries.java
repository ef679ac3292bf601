package qantar.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import qantar.corpus.Lang;

/** The Lucene query of one concept: any of its forms, in any field, the best field counting. */
final class ConceptQueries {
    private static final float OWN_FIELD = 1.0f;
    private final RetrievalSettings settings;
    private final Map<Lang, Analyzer> analyzers = Map.of(Lang.RU, Analyzers.russian(), Lang.EN, Analyzers.english(), Lang.KK, Analyzers.kazakh());
    private final Analyzer translit = Analyzers.translit();
    private final Memo<Key, Query> made = new Memo<>(10_000);

    private record Key(Concept concept, Lang lang) {
    }

    ConceptQueries(RetrievalSettings settings) {
        this.settings = settings;
    }

    /**
     * Any form of the concept in the passage's texts or in the questions it answers; dis-max, so
     * forms and fields do not add up. Frame words ("how many") are looked for in the questions only:
     * a passage's text using them says nothing about what it answers.
     */
    Query of(Concept c, Lang lang) {
        return made.get(new Key(c, lang), k -> make(k.concept(), k.lang()));
    }

    private Query make(Concept c, Lang lang) {
        Set<Query> clauses = new LinkedHashSet<>();
        for (String form : c.forms()) {
            for (Lang l : Lang.values()) {
                float own = l == lang ? OWN_FIELD : settings.otherField();
                List<String> tokens = Analyzers.tokens(analyzers.get(l), "q", form);
                if (c.frame() == null) {
                    add(clauses, terms(PassageIndex.field(l), tokens), own);
                }
                add(clauses, terms(Analyzers.askField(l), tokens), own * settings.askField());
            }
            if (c.frame() != null) {
                continue;
            }
            List<String> latin = Analyzers.tokens(translit, "q", form);
            add(clauses, terms(Analyzers.TRANSLIT, latin), settings.translitField());
            // Misspelt names: one edit away in Latin letters, for single longer words typed by the user.
            if (!c.fromGlossary() && latin.size() == 1 && latin.get(0).length() >= 5 && !latin.get(0).chars().allMatch(Character::isDigit)) {
                clauses.add(new BoostQuery(new FuzzyQuery(new Term(Analyzers.TRANSLIT, latin.get(0)), 1, 2), settings.fuzzyTranslit()));
            }
        }
        return new DisjunctionMaxQuery(clauses, 0.1f);
    }

    private static void add(Set<Query> clauses, Query q, float boost) {
        if (q != null && boost > 0) {
            clauses.add(new BoostQuery(q, boost));
        }
    }

    /**
     * All tokens of a form in one field (a multi-word form needs every word; one with a figure, «7
     * января», "20 000", needs them in that order, side by side), or null when it has none there.
     */
    private static Query terms(String field, List<String> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        if (tokens.stream().anyMatch(t -> t.chars().allMatch(Character::isDigit))) {
            return new PhraseQuery(field, tokens.toArray(String[]::new));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        tokens.forEach(t -> b.add(new TermQuery(new Term(field, t)), Occur.MUST));
        return b.build();
    }
}
