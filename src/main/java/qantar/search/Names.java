package qantar.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.search.IndexSearcher;
import qantar.corpus.Lang;

/** Whether a question word is written as a name: a person, place or body rather than a common word. */
final class Names {
    private Names() {
    }

    /**
     * A capitalised word (not all capitals) inside a sentence, or opening one before another
     * capitalised word («Садыр Жапаров»): a sentence's first word is capitalised anyway.
     */
    static boolean looksLikeName(String question, String w) {
        if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0)) || w.codePoints().skip(1).anyMatch(Character::isUpperCase)) {
            return false;
        }
        String word = Pattern.quote(w) + "(?![\\p{L}\\p{N}])";
        return Pattern.compile("[^.!?\\s]\\s+" + word).matcher(question).find()
                || Pattern.compile("(?:^|[.!?]\\s+)" + word + "\\s+\\p{Lu}").matcher(question).find();
    }

    /**
     * The names among the words no passage uses, not even misspelt by one letter: a person, place or
     * thing the corpus does not cover ("Satybaldy", "Aktobe"). Passages about the rest of the
     * question would not be about it.
     */
    static List<String> uncovered(IndexSearcher searcher, String question, List<Concept> concepts, ConceptQueries cq, Lang lang)
            throws IOException {
        List<String> out = new ArrayList<>();
        for (Concept c : concepts) {
            String w = c.label();
            if (c.fromGlossary() || c.frame() != null || c.anchor() || w.length() < 4 || !looksLikeName(question, w)) {
                continue;
            }
            if (searcher.count(cq.exact(c, lang)) == 0) {
                out.add(w);
            }
        }
        return out;
    }
}
