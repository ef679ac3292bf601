package qantar.search;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import qantar.corpus.Folding;

/** The token filters of our own that the analyzers chain between Lucene's. */
final class TokenFilters {
    /** The endings as the Kazakh field folds them (ң as н, і as и, ғ as г, қ as к), longer ones first. */
    private static final List<String> KAZAKH_ENDINGS = List.of(
            "нын", "нин", "дын", "дин", "тын", "тин", "нан", "нен", "дан", "ден", "тан", "тен", "мен", "бен", "пен",
            "лар", "лер", "дар", "дер", "тар", "тер", "сы", "си", "га", "ге", "ка", "ке", "да", "де", "та", "те",
            "ны", "ни", "ды", "ди", "ты", "ти");
    private static final int KAZAKH_STEM_LEAST = 3;

    private TokenFilters() {
    }

    /** ё is written as е at least as often; index and query both use е. */
    static TokenStream yo(TokenStream in) {
        return new EachTerm(in, term -> {
            char[] b = term.buffer();
            for (int i = 0; i < term.length(); i++) {
                b[i] = Folding.fold(b[i]);
            }
        });
    }

    /** Each word in Latin letters, as ICUTransformFilter with the {@link Latin} rules makes it. */
    static TokenStream toLatin(TokenStream in) {
        return new EachTerm(in, term -> {
            String latin = Latin.of(term.toString());
            term.setEmpty().append(latin);
        });
    }

    /** A filter that rewrites every term in place and keeps them all. */
    private static final class EachTerm extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Consumer<CharTermAttribute> rewrite;

        EachTerm(TokenStream in, Consumer<CharTermAttribute> rewrite) {
            super(in);
            this.rewrite = rewrite;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            rewrite.accept(term);
            return true;
        }
    }

    /**
     * Kazakh case, plural and possessive endings cut from a folded word (up to two, longest first),
     * as long as three letters stay: «газдың», «газға» meet «газ» and «сотта» meets «сот», which a
     * five-letter prefix leaves apart when the stem is shorter.
     */
    static TokenStream kazakhEndings(TokenStream in) {
        return new EachTerm(in, term -> {
            String w = term.toString();
            for (int round = 0; round < 2; round++) {
                String cut = withoutEnding(w);
                if (cut.equals(w)) {
                    break;
                }
                w = cut;
            }
            if (w.length() != term.length()) {
                term.setEmpty().append(w);
            }
        });
    }

    private static String withoutEnding(String w) {
        for (String e : KAZAKH_ENDINGS) {
            if (w.endsWith(e) && w.length() - e.length() >= KAZAKH_STEM_LEAST) {
                return w.substring(0, w.length() - e.length());
            }
        }
        return w;
    }

    /** Keeps words of four letters or more, and every figure. */
    static final class LettersOrFigures extends FilteringTokenFilter {
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
