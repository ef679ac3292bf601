package qantar.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;

/** The word lists the analyzers use: stop words of the three languages, stem overrides, Kazakh letters. */
final class AnalysisWords {
    /** «Сколько человек погибло»: Lucene's stop set would drop «человек» and «был». */
    private static final List<String> RUSSIAN_KEEP = List.of("человек", "был", "была", "были", "было", "быть", "нет", "один", "два", "три");
    private static final String KAZAKH_LETTERS = "әғқңөұүһі";
    private static final String THEIR_RUSSIAN = "агкноуухи";

    static final CharArraySet RU_STOP = russianStop();
    static final StemmerOverrideFilter.StemmerOverrideMap RU_STEM_OVERRIDES = stemOverrides("stem-ru.txt");
    static final CharArraySet EN_STOP = union(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, words("stop-en.txt"));
    static final NormalizeCharMap KAZAKH_TO_RUSSIAN = kazakhToRussian();
    static final CharArraySet KK_STOP = kazakhStop();
    /** The Russian stop words as the Kazakh field sees them, ICU-folded («какой» as «какои»). */
    static final CharArraySet RU_STOP_FOLDED = folded(RU_STOP);

    private AnalysisWords() {
    }

    private static NormalizeCharMap kazakhToRussian() {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        String from = KAZAKH_LETTERS + "ӘҒҚҢӨҰҮҺІ";
        String to = THEIR_RUSSIAN + "АГКНОУУХИ";
        for (int i = 0; i < from.length(); i++) {
            b.add(String.valueOf(from.charAt(i)), String.valueOf(to.charAt(i)));
        }
        return b.build();
    }

    /**
     * The Kazakh stop words, spelled as the Kazakh field sees them when the stop filter runs: Kazakh
     * letters mapped to Russian ones, then ICU-folded (which also turns й into и).
     */
    private static CharArraySet kazakhStop() {
        CharArraySet set = new CharArraySet(16, true);
        for (String w : words("stop-kk.txt")) {
            StringBuilder sb = new StringBuilder();
            w.chars().forEach(c -> sb.append(KAZAKH_LETTERS.indexOf(c) >= 0 ? THEIR_RUSSIAN.charAt(KAZAKH_LETTERS.indexOf(c)) : (char) c));
            set.add(ICUFoldingFilter.NORMALIZER.normalize(sb.toString()));
        }
        return set;
    }

    private static CharArraySet folded(CharArraySet words) {
        CharArraySet set = new CharArraySet(words.size(), true);
        for (Object w : words) {
            set.add(ICUFoldingFilter.NORMALIZER.normalize(new String((char[]) w)));
        }
        return set;
    }

    private static CharArraySet russianStop() {
        CharArraySet set = new CharArraySet(256, true);
        for (Object w : RussianAnalyzer.getDefaultStopSet()) {
            String word = new String((char[]) w);
            if (!RUSSIAN_KEEP.contains(word)) {
                set.add(word);
            }
        }
        set.addAll(words("stop-ru.txt"));
        return set;
    }

    /** Word-to-stem overrides (word TAB stem), for words a suffix stemmer merges with unrelated ones. */
    private static StemmerOverrideFilter.StemmerOverrideMap stemOverrides(String resource) {
        StemmerOverrideFilter.Builder b = new StemmerOverrideFilter.Builder(true);
        for (String line : words(resource)) {
            String[] kv = line.split("\t");
            b.add(kv[0], kv[1]);
        }
        try {
            return b.build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the stem overrides of " + resource, e);
        }
    }

    private static CharArraySet union(CharArraySet a, List<String> b) {
        CharArraySet set = new CharArraySet(a, true);
        set.addAll(b);
        return set;
    }

    private static List<String> words(String resource) {
        try (InputStream in = AnalysisWords.class.getResourceAsStream("/search/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /search/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /search/" + resource, e);
        }
    }
}
