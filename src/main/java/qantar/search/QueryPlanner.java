package qantar.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import qantar.corpus.Folding;
import qantar.corpus.GlossaryGroup;
import qantar.corpus.Lang;

/**
 * Turns a question into concepts. Glossary terms are matched on stems, longest terms first, so
 * «январских событий» is one concept (an anchor), and «ОДКБ» brings in "CSTO" and «ҰҚШҰ».
 */
public final class QueryPlanner {
    /** A question word: a figure (digit groups joined) or letters and digits, hyphenated or with an apostrophe. */
    static final Pattern WORD = Pattern.compile("\\d+(?:[ ,.\\u00a0\\u202f]\\d{3}(?!\\d))*|[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final List<String> JANUARY = DayOfMonth.monthForms(1);
    private static final int STEM_PREFIX = 5;
    /** Words this long may be misspelt glossary terms; shorter ones are too often another word one letter off. */
    private static final int MISSPELT_FROM = 6;
    private static final int TWO_EDITS_FROM = 9;
    private static final int TWO_EDITS_STEM = 7;

    /** {@code loan}: a Russian term read as Kazakh, which only a Kazakh question's words may claim. */
    private record Term(GlossaryGroup group, Lang lang, List<String> stems, String surface, boolean loan) {
    }

    /** How a glossary term may claim question words, in the order tried. */
    private enum Pass {
        /** A one-word term only as written: «протесты» is the protests group, though «протестующие» shares its stem. */
        WRITTEN,
        STEM,
        /** Russian and Kazakh stems on a shared start ({@link #sameStem}); English stems only exactly. */
        PREFIX
    }

    private final Map<Lang, Analyzer> analyzers = new EnumMap<>(Lang.class);
    /** A word's stem per language, empty for a stop word there. */
    private final Memo<Word, java.util.Optional<String>> wordStems = new Memo<>(50_000);
    private final List<Term> terms = new ArrayList<>();
    private final Frames frames;
    private final Set<String> vocabulary;
    /** The events themselves (the glossary's first anchor group), for a question that names nothing else. */
    private final GlossaryGroup events;

    public QueryPlanner(List<GlossaryGroup> glossary) {
        this(glossary, Frames.NONE);
    }

    public QueryPlanner(List<GlossaryGroup> glossary, Frames frames) {
        this(glossary, frames, Set.of());
    }

    /** {@code vocabulary}: the words the corpus uses (folded), none of which is taken for a misspelling. */
    public QueryPlanner(List<GlossaryGroup> glossary, Frames frames, Set<String> vocabulary) {
        this.frames = frames;
        this.vocabulary = vocabulary;
        this.events = glossary.stream().filter(GlossaryGroup::anchor).findFirst().orElse(null);
        analyzers.put(Lang.RU, Analyzers.russian());
        analyzers.put(Lang.EN, Analyzers.english());
        analyzers.put(Lang.KK, Analyzers.kazakhWords());
        for (GlossaryGroup g : glossary) {
            for (String t : g.terms()) {
                Lang lang = LanguageDetector.detect(t);
                if (lang == Lang.RU && t.chars().anyMatch(c -> Character.UnicodeBlock.of(c) != Character.UnicodeBlock.CYRILLIC && Character.isLetter(c))) {
                    lang = Lang.EN;
                }
                List<String> stems = Analyzers.tokens(analyzers.get(lang), "q", t);
                if (!stems.isEmpty()) {
                    terms.add(new Term(g, lang, stems, fold(t), false));
                }
                // Kazakh writes many Russian words as they are («газ», «референдум»), with its own endings.
                List<String> kazakh = lang == Lang.RU ? Analyzers.tokens(analyzers.get(Lang.KK), "q", t) : List.of();
                if (!kazakh.isEmpty()) {
                    terms.add(new Term(g, Lang.KK, kazakh, fold(t), true));
                }
            }
        }
        terms.sort(Comparator.comparingInt((Term t) -> -t.stems().size()));
    }

    private record Word(Lang lang, String text) {
    }

    /** A word's stem in a language, null for a stop word there; remembered, as questions share most words. */
    private String stem(Lang lang, String word) {
        return wordStems.get(new Word(lang, word), w -> {
            List<String> t = Analyzers.tokens(analyzers.get(w.lang()), "q", w.text());
            return t.isEmpty() ? java.util.Optional.<String>empty() : java.util.Optional.of(t.get(0));
        }).orElse(null);
    }

    public List<Concept> plan(String question, Lang lang) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(question);
        while (m.find()) {
            words.add(m.group());
        }
        // stems[lang][i]: the stem of word i in that language, or null when it is a stop word there
        Map<Lang, String[]> stems = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            String[] s = new String[words.size()];
            for (int i = 0; i < words.size(); i++) {
                s[i] = stem(l, words.get(i));
            }
            stems.put(l, s);
        }
        String[] own = stems.get(lang);
        // A filler word of the question's language («мойындаңыз», "admit") is no concept in any language.
        boolean[] used = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            used[i] = own[i] == null;
        }
        List<Concept> concepts = new ArrayList<>(frames.claim(words, used));
        List<GlossaryGroup> matched = new ArrayList<>();
        // Exact matches first, so «протесты» goes to the protests group before «протестующие» claims it by prefix.
        for (Pass pass : Pass.values()) {
            for (Term term : terms) {
                if (matched.contains(term.group()) || !tried(term, pass, lang)) {
                    continue;
                }
                int[] at = pass == Pass.WRITTEN && term.stems().size() == 1
                        ? written(term.surface(), words, used)
                        : match(term.stems(), stems.get(term.lang()), used, pass != Pass.PREFIX);
                if (at != null) {
                    StringBuilder label = new StringBuilder();
                    for (int i : at) {
                        used[i] = true;
                        label.append(label.length() == 0 ? "" : " ").append(words.get(i));
                    }
                    matched.add(term.group());
                    concepts.add(new Concept(label.toString(), term.group().terms(), term.group().anchor(), term.group().context(), true));
                }
            }
        }
        misspelt(words, stems, used, matched, concepts);
        // "Explain briefly what happened in January, pls": beside a frame that stands alone and a
        // glossary term naming the events, a word the glossary lacks is manner, not subject, unless it
        // is written as a name. Without such a term ("what is the square root of 144?") it is the subject.
        boolean standsAlone = concepts.stream().anyMatch(c -> c.frame() != null && c.frame().standsAlone());
        List<Concept> whens = standsAlone ? whens(words, used) : List.of();
        // A time alone does not make the rest manner: "what happened to the shops in February?" is about shops.
        boolean overview = standsAlone && concepts.stream().anyMatch(c -> c.frame() == null && c.fromGlossary());
        concepts.addAll(whens);
        // "Is it true the protesters were paid $200 to riot?": beside a subject the glossary names
        // (protesters, riots), the claim's other words are its wording; passages on the subject answer
        // it, those sharing only "paid" do not.
        boolean claim = Coverage.claim(concepts) && concepts.stream().anyMatch(Concept::curatedSubject);
        for (int i = 0; i < words.size(); i++) {
            if (!used[i]) {
                String w = words.get(i);
                boolean manner = (overview || claim) && !Names.looksLikeName(question, w);
                concepts.add(new Concept(w, List.of(w), false, manner, false));
            }
        }
        // "What happened in Taraz?" is about Taraz, not about the events everywhere: a place, a day, a
        // month or a year that is all a question has beside its frame is its subject.
        if (standsAlone && concepts.stream().noneMatch(Concept::counts)) {
            List<List<String>> scenes = new ArrayList<>(matched.stream().filter(GlossaryGroup::place).map(GlossaryGroup::terms).toList());
            // January alone is the events' own month, however it is inflected («Қаңтардағы»): only the scene
            whens.stream().map(Concept::forms).filter(f -> !f.equals(JANUARY)).forEach(scenes::add);
            concepts.replaceAll(c -> c.fromGlossary() && scenes.contains(c.forms()) ? new Concept(c.label(), c.forms(), false, false, true) : c);
        }
        // A bare "what happened?" asks about the only events this corpus covers: it names them implicitly.
        if (standsAlone && events != null && concepts.stream().allMatch(c -> c.frame() != null)) {
            concepts.add(new Concept(events.terms().get(0), events.terms(), true, false, true));
        }
        return concepts;
    }

    /**
     * "What happened on 7 January?", "in February?", "in January 2023?": the day of a month as
     * passages write it, and the months and years the glossary does not name (January and 2022 are
     * the events' own), as scene concepts like a place; their words are used.
     */
    private static List<Concept> whens(List<String> words, boolean[] used) {
        List<Concept> out = new ArrayList<>();
        DayOfMonth day = DayOfMonth.in(words);
        if (day != null && !used[day.dayWord()]) {
            used[day.dayWord()] = true;
            used[day.monthWord()] = true;
            out.add(new Concept(day.label(), day.forms(), false, true, true));
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            int month = DayOfMonth.month(w);
            if (used[i] || month == 0 && !YEAR.matcher(w).matches()) {
                continue;
            }
            used[i] = true;
            out.add(new Concept(w, month != 0 ? DayOfMonth.monthForms(month) : List.of(w), false, true, true));
        }
        return out;
    }

    /**
     * A longer word no term claimed and the corpus never uses, one edit from a one-word term's stem
     * (two from nine letters on): "torchuring" is torture misspelt. A word the corpus uses is a word,
     * not a misspelling («процентов» is not «протестов»). Russian and English stems only: the Kazakh
     * analyzer cuts words to a five-letter prefix, too short to tell a misspelling from another word.
     */
    private void misspelt(List<String> words, Map<Lang, String[]> stems, boolean[] used, List<GlossaryGroup> matched,
                          List<Concept> concepts) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (used[i] || w.length() < MISSPELT_FROM || !w.codePoints().allMatch(Character::isLetter) || vocabulary.contains(fold(w))) {
                continue;
            }
            Term found = null;
            for (int edits = 1; edits <= (w.length() >= TWO_EDITS_FROM ? 2 : 1) && found == null; edits++) {
                for (Lang l : List.of(Lang.RU, Lang.EN)) {
                    String stem = stems.get(l)[i];
                    if (stem == null || stem.length() < (edits == 1 ? STEM_PREFIX : TWO_EDITS_STEM) || found != null) {
                        continue;
                    }
                    CharacterRunAutomaton near = new CharacterRunAutomaton(new LevenshteinAutomata(stem, true).toAutomaton(edits));
                    for (Term term : terms) {
                        if (term.lang() == l && term.stems().size() == 1 && !matched.contains(term.group()) && near.run(term.stems().get(0))) {
                            found = term;
                            break;
                        }
                    }
                }
            }
            if (found != null) {
                used[i] = true;
                matched.add(found.group());
                concepts.add(new Concept(w, found.group().terms(), found.group().anchor(), found.group().context(), true));
            }
        }
    }

    /** The position of a free question word spelled as the term, or null. */
    private static int[] written(String surface, List<String> words, boolean[] used) {
        for (int i = 0; i < words.size(); i++) {
            if (!used[i] && fold(words.get(i)).equals(surface)) {
                return new int[] {i};
            }
        }
        return null;
    }

    private static String fold(String s) {
        return Folding.fold(s).strip();
    }

    /**
     * Whether {@code term} may claim words of a question in {@code lang} in this pass: an English
     * stem not by a shared start (Porter's stems agree across forms, so a shared start is another
     * word: «compet», «compens»), a Russian term read as Kazakh only in a Kazakh question.
     */
    private static boolean tried(Term term, Pass pass, Lang lang) {
        return !(pass == Pass.PREFIX && term.lang() == Lang.EN) && !(term.loan() && lang != Lang.KK);
    }

    /** Positions of query words matching every stem of a term, or null. */
    private static int[] match(List<String> termStems, String[] wordStems, boolean[] used, boolean exact) {
        int[] at = new int[termStems.size()];
        boolean[] taken = used.clone();
        for (int k = 0; k < termStems.size(); k++) {
            int found = -1;
            for (int i = 0; i < wordStems.length && found < 0; i++) {
                if (!taken[i] && wordStems[i] != null
                        && (exact ? termStems.get(k).equals(wordStems[i]) : sameStem(termStems.get(k), wordStems[i]))) {
                    found = i;
                }
            }
            if (found < 0) {
                return null;
            }
            taken[found] = true;
            at[k] = found;
        }
        return at;
    }

    /**
     * Stemmers disagree across word forms (погибл/погибш, задержа/задержан), so long stems match on
     * a prefix that leaves at most one letter of the shorter unmatched: a shared start alone is often
     * a shared verbal prefix («приготов», to cook, is not «приговор», a sentence).
     */
    static boolean sameStem(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.length() < STEM_PREFIX || b.length() < STEM_PREFIX) {
            return false;
        }
        int shorter = Math.min(a.length(), b.length());
        int shared = 0;
        while (shared < shorter && a.charAt(shared) == b.charAt(shared)) {
            shared++;
        }
        return shared >= Math.max(STEM_PREFIX, shorter - 1);
    }
}
