package qantar.search;

import static qantar.search.AnalysisWords.EN_STOP;
import static qantar.search.AnalysisWords.KAZAKH_TO_RUSSIAN;
import static qantar.search.AnalysisWords.KK_STOP;
import static qantar.search.AnalysisWords.RU_STEM_OVERRIDES;
import static qantar.search.AnalysisWords.RU_STOP;
import static qantar.search.AnalysisWords.RU_STOP_FOLDED;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * One analyzer per index field. Russian and English stem; Lucene has no Kazakh analyzer, so Kazakh
 * is folded and cut to a prefix (its suffixes pile up: қаңтардағы, қаңтарда -> қаңта). The
 * transliterated field puts every script into Latin so «Жанаозен» meets "Zhanaozen". The word lists
 * are in {@link AnalysisWords}, the filters of our own in {@link TokenFilters}.
 */
public final class Analyzers {
    public static final String RU = "text_ru";
    public static final String EN = "text_en";
    public static final String KK = "text_kk";
    public static final String TRANSLIT = "translit";
    public static final String ASK_RU = "ask_ru";
    public static final String ASK_EN = "ask_en";
    public static final String ASK_KK = "ask_kk";

    /** 20,000 / 20 000 / 4.404 -> 20000, so figures match however they are grouped. */
    private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<=\\d)[ ,.\\u00a0\\u202f](?=\\d{3}(?!\\d))");
    private static final int KAZAKH_PREFIX = 5;
    private static final int TRANSLIT_PREFIX = 6;
    static final String TRANSLIT_RULES = Latin.RULES;

    private Analyzers() {
    }

    public static Analyzer russian() {
        return new FigureAnalyzer(s -> {
            s = new LowerCaseFilter(s);
            s = TokenFilters.yo(s);
            s = new StopFilter(s, RU_STOP);
            s = new StemmerOverrideFilter(s, RU_STEM_OVERRIDES);
            return new SnowballFilter(s, new RussianStemmer());
        });
    }

    public static Analyzer english() {
        return new FigureAnalyzer(s -> {
            s = new EnglishPossessiveFilter(s);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, EN_STOP);
            return new PorterStemFilter(s);
        });
    }

    /** Kazakh letters are folded to Russian ones, as people type them when their keyboard lacks them. */
    public static Analyzer kazakh() {
        return kazakh(false);
    }

    /**
     * The Kazakh field's reading with the case, plural and possessive endings cut first, by which
     * question words meet glossary terms («газдың» the term «газ»). The index keeps the plain prefix:
     * cutting endings there measured no better on the dev set.
     */
    static Analyzer kazakhWords() {
        return kazakh(true);
    }

    private static Analyzer kazakh(boolean endings) {
        return new FigureAnalyzer(s -> {
            s = new LowerCaseFilter(s);
            s = new ICUFoldingFilter(s);
            s = new StopFilter(s, KK_STOP);
            s = new StopFilter(s, RU_STOP_FOLDED);
            if (endings) {
                s = TokenFilters.kazakhEndings(s);
            }
            return new TruncateTokenFilter(s, KAZAKH_PREFIX);
        }) {
            @Override
            protected Reader initReader(String field, Reader reader) {
                return new MappingCharFilter(KAZAKH_TO_RUSSIAN, super.initReader(field, reader));
            }
        };
    }

    /**
     * Compiles the transliterator on a background thread, so that an index build about to start
     * does not wait for it; returns at once. Only worth it when indexing will surely follow: a stored
     * answer needs no transliterator, and the compilation would take a core from it.
     */
    public static void prepareTranslit() {
        Latin.prepare();
    }

    /** Names across scripts: drops stop words of all three languages and words under 4 letters (not figures). */
    public static Analyzer translit() {
        return new FigureAnalyzer(s -> {
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, RU_STOP);
            s = new StopFilter(s, KK_STOP);
            s = new StopFilter(s, EN_STOP);
            s = TokenFilters.toLatin(s);
            s = new ICUFoldingFilter(s);
            s = new TokenFilters.LettersOrFigures(s);
            return new TruncateTokenFilter(s, TRANSLIT_PREFIX);
        });
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

    /** A word's Latin form, as the transliterated field's filter gives it. */
    static String latin(String word) {
        return Latin.of(word);
    }

    /**
     * The standard tokenizer, then {@code filters}; every field reads figures the same way, however
     * their digits are grouped.
     */
    private static class FigureAnalyzer extends Analyzer {
        private final UnaryOperator<TokenStream> filters;

        FigureAnalyzer(UnaryOperator<TokenStream> filters) {
            this.filters = filters;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer t = new StandardTokenizer();
            return new TokenStreamComponents(t, filters.apply(t));
        }

        @Override
        protected Reader initReader(String field, Reader reader) {
            return new PatternReplaceCharFilter(DIGIT_GROUPS, "", reader);
        }
    }
}
