package qantar.search;

import java.io.IOException;
import java.util.function.Consumer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import qantar.corpus.Folding;

/** The token filters of our own that the analyzers chain between Lucene's. */
final class TokenFilters {
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
