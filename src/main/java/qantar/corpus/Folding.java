package qantar.corpus;

import java.util.Locale;

/**
 * How words are compared everywhere (index, question plans, scope rules, facts, evaluation): lower
 * case, and ё as е, since Russian writes the two interchangeably. Lives with the corpus because
 * every package that reads text already depends on it.
 */
public final class Folding {
    private Folding() {
    }

    /** ё as е; any other character as it is. */
    public static char fold(char c) {
        return c == 'ё' ? 'е' : c;
    }

    /** Lower case, ё as е. */
    public static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
