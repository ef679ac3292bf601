package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Test;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Lang;

class TransliterationTest {
    /** Every word the transliterated field sees in the shipped corpus gets the Latin form ICU's own filter gives it. */
    @Test
    void eachWordIsTransliteratedAsTheIcuFilterDoesItTheFirstTimeAndAfter() {
        Corpus corpus = CorpusReader.read(Path.of("knowledge")).orThrow();
        Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                return new TokenStreamComponents(t, new LowerCaseFilter(t));
            }
        };
        Set<String> all = new TreeSet<>();
        corpus.passages().forEach(p -> {
            p.texts().values().forEach(text -> all.addAll(Analyzers.tokens(words, "q", text)));
            for (Lang l : Lang.values()) {
                all.addAll(Analyzers.tokens(words, "q", p.speaker(l)));
            }
        });
        corpus.glossary().forEach(g -> g.terms().forEach(term -> all.addAll(Analyzers.tokens(words, "q", term))));
        assertThat(all).hasSizeGreaterThan(5_000);

        Transliterator rules = Transliterator.createFromRules("test", Analyzers.TRANSLIT_RULES, Transliterator.FORWARD);
        Analyzer icu = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new KeywordTokenizer();
                return new TokenStreamComponents(t, new ICUTransformFilter(t, rules));
            }
        };
        for (String w : all) {
            String expected = Analyzers.tokens(icu, "q", w).get(0);
            assertThat(Analyzers.latin(w)).as(w).isEqualTo(expected);
            assertThat(Analyzers.latin(w)).as(w + ", again").isEqualTo(expected);
        }
    }

    @Test
    void namesMeetAcrossScripts() {
        assertThat(Analyzers.tokens(Analyzers.translit(), Analyzers.TRANSLIT, "Жаңаөзен Zhanaozen Жанаозен"))
                .isEqualTo(List.of("zhanao", "zhanao", "zhanao"));
    }
}
