package qantar.answer.llm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import qantar.corpus.Folding;
import qantar.corpus.Months;

/**
 * The checkable facts of a text (numbers, dates, capitalised names) and its words, all under one
 * light normalisation (case-fold, ё->е, digit groups joined), so that a sentence and the passages
 * it cites compare in any of the corpus languages.
 */
final class Facts {
    /** Names and words compare by this many leading letters: Токаев / Токаева, погибли / погибших. */
    static final int PREFIX = 5;

    /**
     * "20,000", "20 000", "20 000" -> 20000; only groups of exactly three digits are joined. Stricter
     * than {@link qantar.search.Analyzers#joinDigitGroups}, which search may afford: a guard that
     * joined "2022 500" into one figure would refuse a faithful sentence.
     */
    private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<![\\d.,])\\d{1,3}(?:[,\\u00a0\\u202f\\u2009 ']\\d{3})+(?![\\d]|[.,]\\d)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}'’\\-]*");
    private static final String MONTH_WORD = "[\\p{L}]+";
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
    private static final Pattern DOTTED_DATE = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?![\\d])");
    /** The year that may follow a day and month ("5 января 2022", "January 5, 2022"): part of the date, not a figure. */
    private static final String YEAR = "(?:,?\\s+((?:19|20)\\d{2})(?!\\d))?";
    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\d.,])(\\d{1,2})(?:-?(?:го|е|ого|th|st|nd|rd))?\\s+(" + MONTH_WORD + ")" + YEAR);
    private static final Pattern MONTH_DAY = Pattern.compile("(" + MONTH_WORD + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d.,]\\d|\\d)" + YEAR);

    /** A date as day and month, with the year when it was written ("5-1" or "5-1-2022"). */
    record Date(int day, int month, Integer year) {
        boolean sameDay(Date o) {
            return day == o.day && month == o.month && (year == null || o.year == null || year.equals(o.year));
        }
    }

    /** Negations that stand before the word they deny (Russian, English) and after it (Kazakh). */
    private static final Set<String> NOT_BEFORE = Set.of("не", "ни", "нет", "not", "no", "never", "nor", "none", "cannot");
    private static final Set<String> NOT_AFTER = Set.of("емес", "жоқ");

    final List<Date> dates = new ArrayList<>();
    /** Keys of the words a negation denies, and of the words said without one. */
    final Set<String> negated = new java.util.HashSet<>();
    final Set<String> affirmed = new java.util.HashSet<>();
    final Set<String> numbers = new LinkedHashSet<>();
    /** Capitalised words in order, folded; the first word of the text is flagged by {@link #firstWord}. */
    final List<String> names = new ArrayList<>();
    final List<String> words = new ArrayList<>();
    String firstWord;

    private Set<String> prefixes;

    private Facts() {
    }

    /** The first one to {@link #PREFIX} letters of every word, and of each part of a hyphenated one (Кара-Мурза -> мурза). */
    Set<String> prefixes() {
        if (prefixes == null) {
            Set<String> out = new java.util.HashSet<>();
            for (String w : words) {
                for (int i = 1; i <= Math.min(w.length(), PREFIX); i++) {
                    out.add(w.substring(0, i));
                }
                for (String part : w.split("-")) {
                    out.add(key(part));
                }
            }
            prefixes = out;
        }
        return prefixes;
    }

    static Facts of(String text) {
        Facts f = new Facts();
        String s = DIGIT_GROUPS.matcher(text).replaceAll(m -> m.group().replaceAll("[^\\d]", ""));
        s = f.takeDates(s);
        Matcher n = NUMBER.matcher(s);
        while (n.find()) {
            f.numbers.add(number(n.group()));
        }
        Matcher w = WORD.matcher(s);
        boolean first = true;
        while (w.find()) {
            String raw = w.group().replaceAll("['’]s$", "").replaceAll("[-'’]+$", "");
            if (raw.isEmpty()) {
                continue;
            }
            String folded = fold(raw);
            f.words.add(folded);
            if (first) {
                f.firstWord = folded;
                first = false;
            }
            if (Character.isUpperCase(raw.codePointAt(0))) {
                f.names.add(folded);
            }
        }
        f.polarity();
        return f;
    }

    private void polarity() {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean before = NOT_BEFORE.contains(w) || w.endsWith("n't");
            if (before && i + 1 < words.size()) {
                negated.add(key(words.get(i + 1)));
            } else if (NOT_AFTER.contains(w) && i > 0) {
                negated.add(key(words.get(i - 1)));
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String k = key(words.get(i));
            boolean after = i > 0 && (NOT_BEFORE.contains(words.get(i - 1)) || words.get(i - 1).endsWith("n't"));
            boolean before = i + 1 < words.size() && NOT_AFTER.contains(words.get(i + 1));
            if (!after && !before) {
                affirmed.add(k);
            }
        }
    }

    /** Finds dates, records them and blanks them out so their parts are not read again as numbers or names. */
    private String takeDates(String s) {
        s = take(s, ISO_DATE, m -> date(m.group(3), m.group(2), m.group(1)));
        s = take(s, DOTTED_DATE, m -> date(m.group(1), m.group(2), m.group(3)));
        // A word that names no month reads as month 0, which take() leaves as text.
        s = take(s, DAY_MONTH, m -> date(m.group(1), String.valueOf(Months.of(m.group(2))), m.group(3)));
        s = take(s, MONTH_DAY, m -> date(m.group(2), String.valueOf(Months.of(m.group(1))), m.group(3)));
        return s;
    }

    private String take(String s, Pattern p, java.util.function.Function<Matcher, Date> read) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Date d = read.apply(m);
            if (d == null || d.day < 1 || d.day > 31 || d.month < 1 || d.month > 12) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            dates.add(d);
            m.appendReplacement(out, " ");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Date date(String day, String month, String year) {
        Integer y = null;
        if (year != null) {
            y = Integer.parseInt(year);
            if (y < 100) {
                y += 2000;
            }
        }
        return new Date(Integer.parseInt(day), Integer.parseInt(month), y);
    }

    /** A number as compared: leading zeros dropped, decimal comma as point. */
    static String number(String n) {
        String s = n.replace(',', '.');
        if (!s.contains(".")) {
            s = s.replaceFirst("^0+(?=\\d)", "");
        }
        return s;
    }

    static String fold(String s) {
        return Folding.fold(s).replace('’', '\'');
    }

    /** The key a word is compared by: its first {@link #PREFIX} letters. */
    static String key(String folded) {
        return folded.length() <= PREFIX ? folded : folded.substring(0, PREFIX);
    }
}
