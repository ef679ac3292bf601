package qantar.search;

import java.util.regex.Pattern;

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
}
