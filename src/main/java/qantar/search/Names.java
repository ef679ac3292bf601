package qantar.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import qantar.corpus.Folding;
import qantar.corpus.Lang;
import qantar.corpus.Passage;

/** Whether a question word is written as a name: a person, place or body rather than a common word. */
final class Names {
    /** A misspelt name word is matched one edit away in Latin letters, from this many letters on (as {@link ConceptQueries}). */
    private static final int FUZZY_FROM = 5;
    /** A name's loosest matches read to tell whether one uses it: a passage that does ranks among the first. */
    private static final int CONFIRM_IN = 20;
    private static final Map<String, Analyzer> FIELDS = Map.of(
            Analyzers.RU, Analyzers.russian(), Analyzers.EN, Analyzers.english(), Analyzers.KK, Analyzers.kazakh(),
            Analyzers.askField(Lang.RU), Analyzers.russian(), Analyzers.askField(Lang.EN), Analyzers.english(),
            Analyzers.askField(Lang.KK), Analyzers.kazakh());

    private Names() {
    }

    /**
     * A capitalised word (not all capitals) inside a sentence, quoted or not (ЧВК «Вагнер»), or
     * opening one before another capitalised word («Садыр Жапаров»): a sentence's first word is
     * capitalised anyway.
     */
    static boolean looksLikeName(String question, String w) {
        if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0)) || w.codePoints().skip(1).anyMatch(Character::isUpperCase)) {
            return false;
        }
        String word = Pattern.quote(w) + "(?![\\p{L}\\p{N}])";
        return Pattern.compile("[^.!?\\s]\\s+[«\"“„'(]?" + word).matcher(question).find()
                || Pattern.compile("(?:^|[.!?]\\s+)" + word + "\\s+\\p{Lu}").matcher(question).find();
    }

    /** Whether the concept is a word of the question the glossary and frames left as it is, written as a name. */
    static boolean isName(String question, Concept c) {
        return !c.fromGlossary() && c.frame() == null && !c.anchor() && looksLikeName(question, c.label());
    }

    /**
     * The labels of the question's names ({@link #isName}), beside a curated subject or the events
     * named. Without either, only how well its bare words are covered tells whether a question is
     * about the events at all, and a name alone (Abai, "Word") must not decide that.
     */
    static Set<String> written(String question, List<Concept> concepts) {
        Set<String> out = new HashSet<>();
        if (concepts.stream().noneMatch(c -> c.anchor() || c.curatedSubject())) {
            return out;
        }
        for (Concept c : concepts) {
            if (isName(question, c)) {
                out.add(c.label());
            }
        }
        return out;
    }

    /**
     * The names no passage uses, not even misspelt by one letter: a person, place or thing the
     * corpus does not cover ("Satybaldy", "Aktobe", "UN Secretary-General"). Passages about the rest
     * of the question would not be about it. A name of several words («Садыр Жапаров») must occur
     * as written, in order: that the corpus uses each word apart (a CSTO Secretary-General, a UN
     * rapporteur) does not make it cover the UN Secretary-General.
     */
    static List<String> uncovered(IndexSearcher searcher, String question, List<Concept> concepts, ConceptQueries cq, Lang lang,
                                  Map<String, Passage> passages) throws IOException {
        List<String> out = new ArrayList<>();
        Set<String> inNames = new HashSet<>();
        for (List<String> name : multiWordNames(question, concepts)) {
            inNames.addAll(name);
            if (!used(searcher, name)) {
                out.add(String.join(" ", name));
            }
        }
        for (Concept c : concepts) {
            String w = c.label();
            if (inNames.contains(w) || w.length() < 4 || !isName(question, c)) {
                continue;
            }
            if (!used(searcher, cq.of(c, lang), w, passages)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Runs of two or more capitalised words standing next to each other in the question, each a
     * word the glossary and the frames left as it is or an acronym the glossary knows ("UN
     * Secretary-General": the UN is covered, its Secretary-General not). At least one is not all
     * capitals, so a question typed in capitals names nothing.
     */
    static List<List<String>> multiWordNames(String question, List<Concept> concepts) {
        Set<String> free = new HashSet<>();
        for (Concept c : concepts) {
            boolean acronym = c.fromGlossary() && c.label().length() >= 2 && c.label().codePoints().allMatch(Character::isUpperCase);
            if (acronym || !c.fromGlossary() && c.frame() == null && !c.anchor() && !c.context()) {
                free.add(c.label());
            }
        }
        List<List<String>> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int end = -1;
        Matcher m = QueryPlanner.WORD.matcher(question);
        while (m.find()) {
            String w = m.group();
            boolean part = free.contains(w) && Character.isUpperCase(w.codePointAt(0));
            boolean adjacent = end >= 0 && question.substring(end, m.start()).isBlank();
            if (!part || !adjacent) {
                keep(run, out);
            }
            if (part) {
                run.add(w);
            }
            end = m.end();
        }
        keep(run, out);
        return out;
    }

    private static void keep(List<String> run, List<List<String>> out) {
        if (run.size() >= 2 && run.stream().anyMatch(w -> w.codePoints().anyMatch(Character::isLowerCase))) {
            out.add(List.copyOf(run));
        }
        run.clear();
    }

    /**
     * Whether some passage has the name's words in order: in a language's text or asks, or in
     * Latin letters, where a word of five letters or more may be misspelt by one. A field that drops
     * one of the words (the Latin one drops short words such as "UN") cannot tell.
     */
    private static boolean used(IndexSearcher searcher, List<String> name) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (var f : FIELDS.entrySet()) {
            List<List<Term>> positions = positions(f.getKey(), f.getValue(), name);
            if (positions != null) {
                any.add(phrase(positions), Occur.SHOULD);
            }
        }
        List<List<Term>> latin = positions(Analyzers.TRANSLIT, Analyzers.translit(), name);
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), Analyzers.TRANSLIT);
        if (latin != null && terms != null) {
            for (List<Term> at : latin) {
                Term t = at.get(0);
                if (t.text().length() >= FUZZY_FROM && !t.text().chars().allMatch(Character::isDigit)) {
                    FuzzyTermsEnum near = new FuzzyTermsEnum(terms, t, 1, 2, true);
                    for (BytesRef b = near.next(); b != null; b = near.next()) {
                        at.add(new Term(t.field(), BytesRef.deepCopyOf(b)));
                    }
                }
            }
            any.add(phrase(latin), Occur.SHOULD);
        }
        return searcher.count(any.build()) > 0;
    }

    /**
     * Whether a passage uses the one-word name, read in the passages its query finds first: the
     * fields hold words cut to a prefix and match a Latin form one edit away, so «Туркменистан» finds
     * «түрме» (prison) and «Бердымухамедов» «Бердымуратов»; a passage uses the name only if one of
     * its words is the name inflected or misspelt ({@link #sameName}).
     */
    private static boolean used(IndexSearcher searcher, Query loose, String name, Map<String, Passage> passages) throws IOException {
        Set<Integer> docs = new HashSet<>();
        for (ScoreDoc d : searcher.search(loose, CONFIRM_IN).scoreDocs) {
            docs.add(d.doc);
        }
        Predicate<String> same = sameName(Latin.of(Folding.fold(name)));
        for (Passage p : Ranking.passagesOf(searcher, passages, docs).values()) {
            if (Vocabulary.words(p).stream().anyMatch(w -> same.test(Latin.of(w)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words in Latin letters that are the name {@code latin}: it inflected («Масимова»,
     * «Мәсімовтің» of Masimov: the same but for at most three last letters of the shorter word and
     * six of the longer, four at least; "Turkic" is not Turkmenistan), or misspelt (an edit, two from
     * nine letters on, as the query planner allows).
     */
    static Predicate<String> sameName(String latin) {
        CharacterRunAutomaton misspelt = latin.length() < FUZZY_FROM ? null
                : new CharacterRunAutomaton(new LevenshteinAutomata(latin, true).toAutomaton(latin.length() >= 9 ? 2 : 1));
        return w -> {
            int common = 0;
            while (common < Math.min(latin.length(), w.length()) && latin.charAt(common) == w.charAt(common)) {
                common++;
            }
            boolean inflected = common >= 4 && common >= Math.min(latin.length(), w.length()) - 3
                    && common >= Math.max(latin.length(), w.length()) - 6;
            return inflected || misspelt != null && misspelt.run(w);
        };
    }

    /** The terms at each position of the name in a field, or null when the field keeps no token of one of its words. */
    private static List<List<Term>> positions(String field, Analyzer analyzer, List<String> name) {
        List<List<Term>> out = new ArrayList<>();
        for (String w : name) {
            List<String> tokens = Analyzers.tokens(analyzer, "q", w);
            if (tokens.isEmpty()) {
                return null;
            }
            tokens.forEach(t -> out.add(new ArrayList<>(List.of(new Term(field, t)))));
        }
        return out;
    }

    private static MultiPhraseQuery phrase(List<List<Term>> positions) {
        MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder();
        positions.forEach(terms -> b.add(terms.toArray(Term[]::new)));
        return b.build();
    }
}
