package qantar.answer.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import qantar.corpus.Passage;
import qantar.corpus.Side;

/**
 * Decides whether a model-written sentence may be shown: it must cite retrieved passages only, all
 * of its own side, and every number, date and name in it must occur in what it cites. Because the
 * question is data, not instructions, a sentence may not carry words that come only from the
 * question, and most of its words must come from the passages it cites.
 */
final class CitationGuard {
    /** "[p:o11-toll-225]", "[o11-toll-225, p:h2-ten-killed]", "[p:a; p:b]". */
    private static final Pattern CITATION = Pattern.compile("\\[\\s*((?:p:\\s*)?[\\w.\\-]+(?:\\s*[,;]\\s*(?:p:\\s*)?[\\w.\\-]+)*)\\s*]");
    /** A sentence ends at . ! ? or … and the citations right after it, before a capital or a digit. */
    private static final Pattern SENTENCE_END = Pattern.compile("([.!?…](?:\\s*\\[[^\\[\\]]*])*)\\s+(?=[\\p{Lu}\\p{N}«\"(])");
    /** Least share of a sentence's content words found in its cited passages. */
    static final double SUPPORTED = 0.75;
    /** Verdicts a side's passages must say themselves before a sentence may pin them on anyone. */
    private static final Set<String> LOADED_WORDS = Set.of("lie", "lies", "lied", "lying", "liar", "liars", "false", "fake",
            "ложь", "лжи", "лжет", "лгут", "лгал", "лгали", "врет", "врут", "врал", "врали");
    private static final List<String> LOADED_STEMS = List.of("propagand", "disinform", "slander", "пропаганд", "дезинформ",
            "лжец", "лжив", "ложн", "вран", "фейк", "клевет", "өтірік", "жалған");
    private static final int MAX_SENTENCE = 600;

    /** Words any sentence may use: the subject itself and the sides' own names, in the three languages. */
    private static final Set<String> CONTEXT = Set.of("казах", "қазақ", "kazak", "janua", "январ", "қаңта", "qanta",
            "2022", "offici", "офици", "ресми", "human", "right", "watch", "hrw", "млечи", "mlech", "незав", "indep",
            "тәуел", "журна", "journ");
    /** Words that start sentences or carry no fact; too short or too common to be checked. */
    private static final Set<String> STOP = Set.copyOf(List.of(
            "the", "this", "that", "these", "those", "according", "also", "with", "from", "into", "about", "after",
            "before", "during", "while", "which", "what", "when", "where", "there", "their", "they", "were", "have",
            "been", "said", "says", "stated", "reported", "reports", "however", "other", "than", "more", "some",
            "such", "them", "then", "would", "will", "into", "over", "under", "both",
            "это", "этот", "эта", "эти", "этом", "того", "также", "тоже", "было", "были", "была", "будет", "который",
            "которая", "которые", "которых", "после", "более", "менее", "около", "согласно", "данным", "словам",
            "время", "чтобы", "когда", "где", "если", "однако", "при", "для", "как", "что", "его", "она", "они", "оно",
            "их", "по", "во", "со", "из", "на", "от", "до", "за", "над", "под", "между", "через", "сообщил",
            "сообщила", "сообщили", "заявил", "заявила", "заявили", "отметил", "отметила", "указал", "указала",
            "бұл", "осы", "сол", "олар", "және", "мен", "деп", "туралы", "бойынша", "кейін", "дейін", "кезінде",
            "сәйкес", "мәлімдеді", "хабарлады", "айтты"));

    record Verdict(String text, List<Passage> cited, String problem) {
        boolean passed() {
            return problem == null;
        }
    }

    private final Map<String, Passage> retrieved;
    private final Set<String> questionKeys = new HashSet<>();
    private final Map<String, List<Facts>> passageFacts = new java.util.HashMap<>();

    /** {@code retrieved}: the passages given to the model, by id. */
    CitationGuard(Map<String, Passage> retrieved, String question) {
        this.retrieved = Map.copyOf(retrieved);
        for (String w : Facts.of(question).words) {
            questionKeys.add(Facts.key(w));
        }
    }

    /** The sentences of one item of a model's reply; each must carry its own citations. */
    static List<String> sentences(String item) {
        List<String> out = new ArrayList<>();
        String text = item.strip();
        Matcher m = SENTENCE_END.matcher(text);
        int start = 0;
        while (m.find()) {
            out.add(text.substring(start, m.end(1)).strip());
            start = m.end();
        }
        if (start < text.length()) {
            out.add(text.substring(start).strip());
        }
        out.removeIf(String::isBlank);
        return out;
    }

    Verdict check(Side side, String sentence) {
        if (sentence.length() > MAX_SENTENCE) {
            return fail("longer than " + MAX_SENTENCE + " characters");
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(sentence);
        while (m.find()) {
            for (String id : m.group(1).split("[,;]")) {
                ids.add(id.strip().replaceFirst("^p:\\s*", ""));
            }
        }
        if (ids.isEmpty()) {
            return fail("cites no passage");
        }
        List<Passage> cited = new ArrayList<>();
        for (String id : ids) {
            Passage p = retrieved.get(id);
            if (p == null) {
                return fail("cites " + id + ", which was not retrieved");
            }
            if (p.side() != side) {
                return fail("cites " + id + " of side " + p.side().id() + " under " + side.id());
            }
            cited.add(p);
        }
        String text = clean(CITATION.matcher(sentence).replaceAll(" "));
        if (text.codePoints().noneMatch(Character::isLetter)) {
            return fail("says nothing");
        }
        Facts said = Facts.of(text);
        Evidence evidence = new Evidence(cited.stream().flatMap(p -> facts(p).stream()).toList());
        for (String n : said.numbers) {
            if (!evidence.numbers.contains(n) && !CONTEXT.contains(n)) {
                return fail("number " + n + " is not in the cited passages");
            }
        }
        for (Facts.Date d : said.dates) {
            if (evidence.dates.stream().noneMatch(d::sameDay)) {
                return fail("date " + d.day() + "." + d.month() + " is not in the cited passages");
            }
            if (d.year() != null && !evidence.numbers.contains(String.valueOf(d.year())) && d.year() != 2022) {
                return fail("year " + d.year() + " is not in the cited passages");
            }
        }
        for (String name : said.names) {
            boolean starter = name.equals(said.firstWord) && STOP.contains(name);
            if (!starter && !evidence.has(name)) {
                return fail("name " + name + " is not in the cited passages");
            }
        }
        for (String w : said.words) {
            if ((LOADED_WORDS.contains(w) || LOADED_STEMS.stream().anyMatch(w::startsWith)) && !evidence.has(w)) {
                return fail("calls something " + w + " where the cited passages do not");
            }
        }
        for (String k : said.negated) {
            if (!evidence.negated.contains(k)) {
                return fail("denies what the cited passages do not deny");
            }
        }
        for (String k : said.affirmed) {
            if (evidence.negated.contains(k) && !evidence.affirmed.contains(k)) {
                return fail("affirms what the cited passages deny");
            }
        }
        int content = 0;
        int supported = 0;
        for (String w : said.words) {
            if (w.length() < 4 || STOP.contains(w)) {
                continue;
            }
            content++;
            if (evidence.has(w)) {
                supported++;
            } else if (questionKeys.contains(Facts.key(w))) {
                return fail("repeats words of the question that the cited passages do not say");
            }
        }
        if (content > 0 && supported < SUPPORTED * content) {
            return fail("most of its words are not in the cited passages");
        }
        return new Verdict(text, List.copyOf(cited), null);
    }

    /** The facts of a passage's texts in all languages and of its speaker, read once per answer. */
    private List<Facts> facts(Passage p) {
        return passageFacts.computeIfAbsent(p.id(), id -> {
            List<Facts> out = new ArrayList<>();
            p.texts().values().forEach(t -> out.add(Facts.of(t)));
            out.add(Facts.of(p.speaker()));
            return out;
        });
    }

    private static Verdict fail(String problem) {
        return new Verdict(null, List.of(), problem);
    }

    /** The sentence as shown: citation marks gone, spaces before punctuation closed. */
    static String clean(String s) {
        return s.replaceAll("\\s+", " ").replaceAll(" ([.,;:!?…»)])", "$1").strip();
    }

    /** What the cited passages say, in all their languages, with their speakers (one Facts per text). */
    private static final class Evidence {
        final Set<String> numbers = new HashSet<>();
        final List<Facts.Date> dates = new ArrayList<>();
        final Set<String> prefixes = new HashSet<>();
        final Set<String> negated = new HashSet<>();
        final Set<String> affirmed = new HashSet<>();

        Evidence(List<Facts> cited) {
            for (Facts f : cited) {
                numbers.addAll(f.numbers);
                negated.addAll(f.negated);
                affirmed.addAll(f.affirmed);
                prefixes.addAll(f.prefixes());
                for (Facts.Date d : f.dates) {
                    dates.add(d);
                    numbers.add(String.valueOf(d.day()));
                    if (d.year() != null) {
                        numbers.add(String.valueOf(d.year()));
                    }
                }
            }
        }

        /** Whether a folded word occurs (by its first letters) in the passages, or is part of the subject. */
        boolean has(String word) {
            String key = Facts.key(word);
            return prefixes.contains(key) || CONTEXT.contains(key) || CONTEXT.contains(word);
        }
    }
}
