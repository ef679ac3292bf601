package qantar.search;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;
import qantar.corpus.Folding;

/**
 * One analyzer per index field. Russian and English stem; Lucene has no Kazakh analyzer, so Kazakh
 * is folded and cut to a prefix (its suffixes pile up: қаңтардағы, қаңтарда -> қаңта). The
 * transliterated field puts every script into Latin so «Жанаозен» meets "Zhanaozen".
 */
public final class Analyzers {
    public static final String RU = "text_ru";
    public static final String EN = "text_en";
    public static final String KK = "text_kk";
    public static final String TRANSLIT = "translit";
    public static final String ASK_RU = "ask_ru";
    public static final String ASK_EN = "ask_en";
    public static final String ASK_KK = "ask_kk";

    /** «Сколько человек погибло»: Lucene's stop set would drop «человек» and «был». */
    private static final List<String> RUSSIAN_KEEP = List.of("человек", "был", "была", "были", "было", "быть", "нет", "один", "два", "три");
    /** 20,000 / 20 000 / 4.404 -> 20000, so figures match however they are grouped. */
    private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<=\\d)[ ,.\\u00a0\\u202f](?=\\d{3}(?!\\d))");
    private static final int KAZAKH_PREFIX = 5;
    private static final int TRANSLIT_PREFIX = 6;

    private static final CharArraySet RU_STOP = russianStop();
    private static final StemmerOverrideFilter.StemmerOverrideMap RU_STEM_OVERRIDES = stemOverrides("stem-ru.txt");
    private static final CharArraySet EN_STOP = union(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, words("stop-en.txt"));
    private static final NormalizeCharMap KAZAKH_TO_RUSSIAN = kazakhToRussian();
    private static final CharArraySet KK_STOP = kazakhStop();
    /** The Russian stop words as the Kazakh field sees them, ICU-folded («какой» as «какои»). */
    private static final CharArraySet RU_STOP_FOLDED = folded(RU_STOP);
    /** Kazakh letters to their nearest Russian ones, then BGN romanisation, then plain ASCII. */
    static final String TRANSLIT_RULES = """
            ә > а; Ә > А; ғ > г; Ғ > Г; қ > к; Қ > К; ң > н; Ң > Н; ө > о; Ө > О;
            ұ > у; Ұ > У; ү > у; Ү > У; һ > х; Һ > Х; і > и; І > И; ё > е; Ё > Е;
            :: Russian-Latin/BGN;
            :: Latin-ASCII;
            :: Lower;
            """;

    private Analyzers() {
    }

    public static Analyzer russian() {
        return new FigureAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(t);
                s = new YoFilter(s);
                s = new StopFilter(s, RU_STOP);
                s = new StemmerOverrideFilter(s, RU_STEM_OVERRIDES);
                s = new SnowballFilter(s, new RussianStemmer());
                return new TokenStreamComponents(t, s);
            }
        };
    }

    public static Analyzer english() {
        return new FigureAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                TokenStream s = new EnglishPossessiveFilter(t);
                s = new LowerCaseFilter(s);
                s = new StopFilter(s, EN_STOP);
                s = new PorterStemFilter(s);
                return new TokenStreamComponents(t, s);
            }
        };
    }

    /** Kazakh letters are folded to Russian ones, as people type them when their keyboard lacks them. */
    public static Analyzer kazakh() {
        return new FigureAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(t);
                s = new ICUFoldingFilter(s);
                s = new StopFilter(s, KK_STOP);
                s = new StopFilter(s, RU_STOP_FOLDED);
                s = new TruncateTokenFilter(s, KAZAKH_PREFIX);
                return new TokenStreamComponents(t, s);
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new MappingCharFilter(KAZAKH_TO_RUSSIAN, super.initReader(field, reader));
            }
        };
    }

    /**
     * The rules compiled once per process, on first use (starting ICU's transliterators and compiling
     * them takes a good part of a second; {@link #prepareTranslit} starts it early, beside the rest of
     * start-up). One instance serves every analyzer and thread, as Lucene's ICUTransformFilterFactory
     * shares it. Each word's Latin form is kept once found: words repeat, and the rules run a word
     * through five transliterators, which was half the cost of indexing.
     */
    private static final class Latin {
        static final Transliterator TO_LATIN = Transliterator.createFromRules("qantar-latin", TRANSLIT_RULES, Transliterator.FORWARD);
        /** Enough for every word of a 100,000-passage corpus; past it words are transliterated each time. */
        static final int KEPT = 200_000;
        static final java.util.concurrent.ConcurrentHashMap<String, String> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

        static String of(String word) {
            String latin = WORDS.get(word);
            if (latin == null) {
                latin = TO_LATIN.transliterate(word);
                if (WORDS.size() < KEPT) {
                    WORDS.put(word, latin);
                }
            }
            return latin;
        }
    }

    /**
     * Compiles the transliterator on a background thread, so that an index build about to start
     * does not wait for it; returns at once. Only worth it when indexing will surely follow: a stored
     * answer needs no transliterator, and the compilation would take a core from it.
     */
    public static void prepareTranslit() {
        if (PREPARING.compareAndSet(false, true)) {
            Thread t = new Thread(() -> Latin.of("қаңтар"), "translit-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean PREPARING = new java.util.concurrent.atomic.AtomicBoolean();

    /** Names across scripts: drops stop words of all three languages and words under 4 letters (not figures). */
    public static Analyzer translit() {
        return new FigureAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(t);
                s = new StopFilter(s, RU_STOP);
                s = new StopFilter(s, KK_STOP);
                s = new StopFilter(s, EN_STOP);
                s = new ToLatin(s);
                s = new ICUFoldingFilter(s);
                s = new LettersOrFigures(s);
                s = new TruncateTokenFilter(s, TRANSLIT_PREFIX);
                return new TokenStreamComponents(t, s);
            }
        };
    }

    public static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(english(), Map.of(RU, russian(), EN, english(), KK, kazakh(), TRANSLIT, translit(),
                ASK_RU, russian(), ASK_EN, english(), ASK_KK, kazakh()));
    }

    /** The field of the questions a passage answers in {@code lang}, read by that language's analyzer. */
    public static String askField(qantar.corpus.Lang lang) {
        return switch (lang) {
            case RU -> ASK_RU;
            case EN -> ASK_EN;
            case KK -> ASK_KK;
        };
    }

    /** Joins grouped digits (20 000, 20,000 -> 20000) exactly as every field reads them. */
    public static String joinDigitGroups(String text) {
        return DIGIT_GROUPS.matcher(text).replaceAll("");
    }

    /** The tokens an analyzer makes of a text. */
    public static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException("analysis of an in-memory string failed", e);
        }
        return out;
    }

    private static NormalizeCharMap kazakhToRussian() {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        String from = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
        String to = "агкноуухиАГКНОУУХИ";
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
        String from = "әғқңөұүһі";
        String to = "агкноуухи";
        for (String w : words("stop-kk.txt")) {
            StringBuilder sb = new StringBuilder();
            w.chars().forEach(c -> sb.append(from.indexOf(c) >= 0 ? to.charAt(from.indexOf(c)) : (char) c));
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
        try (InputStream in = Analyzers.class.getResourceAsStream("/search/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /search/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /search/" + resource, e);
        }
    }

    /** Every field reads figures the same way, however their digits are grouped. */
    private abstract static class FigureAnalyzer extends Analyzer {
        @Override
        protected Reader initReader(String field, Reader reader) {
            return new PatternReplaceCharFilter(DIGIT_GROUPS, "", reader);
        }
    }

    /** ё is written as е at least as often; index and query both use е. */
    private static final class YoFilter extends org.apache.lucene.analysis.TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        YoFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] b = term.buffer();
            for (int i = 0; i < term.length(); i++) {
                b[i] = Folding.fold(b[i]);
            }
            return true;
        }
    }

    /** Each word in Latin letters, as {@link ICUTransformFilter} with the {@link Latin} rules makes it. */
    private static final class ToLatin extends org.apache.lucene.analysis.TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        ToLatin(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String latin = Latin.of(term.toString());
            term.setEmpty().append(latin);
            return true;
        }
    }

    /** A word's Latin form, as the transliterated field's filter gives it. */
    static String latin(String word) {
        return Latin.of(word);
    }

    /** Keeps words of four letters or more, and every figure. */
    private static final class LettersOrFigures extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        LettersOrFigures(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            int letters = 0;
            boolean digits = true;
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    digits = false;
                } else if (!Character.isDigit(c)) {
                    digits = false;
                }
            }
            return letters >= 4 || (digits && term.length() > 0);
        }
    }
}
