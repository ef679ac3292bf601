package qantar.search;

import java.util.ArrayList;
import java.util.List;
import qantar.corpus.Lang;

/** What of a question is embedded for the vector search: the model reads only English. */
final class VectorQuestion {
    private VectorQuestion() {
    }

    /**
     * An English question as it is; otherwise the English terms of the glossary concepts it matched
     * and, in Latin letters, the names it has that the glossary lacks (on the dev set a better guide
     * than a whole translation), else its English {@code translation};
     * null when there is neither.
     */
    static String text(String question, Lang lang, List<Concept> concepts, String translation) {
        if (lang == Lang.EN) {
            return question;
        }
        List<String> terms = new ArrayList<>();
        for (Concept c : concepts) {
            if (c.fromGlossary()) {
                c.forms().stream().filter(VectorQuestion::isLatin).findFirst().ifPresent(terms::add);
            } else if (!c.context() && Names.isName(question, c)) {
                terms.add(Latin.of(c.label()));
            }
        }
        return terms.isEmpty() ? translation : String.join(" ", terms);
    }

    private static boolean isLatin(String term) {
        return term.chars().anyMatch(Character::isLetter)
                && term.chars().filter(Character::isLetter).allMatch(c -> c < 0x250);
    }
}
