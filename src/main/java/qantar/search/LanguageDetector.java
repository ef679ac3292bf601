package qantar.search;

import java.util.Locale;
import java.util.Set;
import qantar.corpus.Lang;

/**
 * Tells Kazakh, Russian and English apart cheaply: Kazakh-only letters (ә ғ қ ң ө ұ ү һ і), or
 * typical Kazakh words for people typing without them; otherwise Cyrillic versus Latin.
 */
public final class LanguageDetector {
    private static final String KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
    /** Kazakh words that are common in questions and look the same without Kazakh letters. */
    private static final Set<String> KAZAKH_WORDS = Set.of("канша", "неше", "туралы", "адам", "болды", "кантар",
            "оқиғасы", "окигасы", "окиганын", "неге", "кім", "ким", "бар", "жок", "кезінде", "кезинде", "кайда",
            "калай", "каза", "мен", "жане", "деген", "бойынша", "ма", "ме", "па", "пе");

    private LanguageDetector() {
    }

    public static Lang detect(String text) {
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (KAZAKH_LETTERS.indexOf(c) >= 0) {
                return Lang.KK;
            }
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                cyrillic++;
            } else if (c < 128 && Character.isLetter(c)) {
                latin++;
            }
        }
        if (cyrillic == 0 && latin == 0) {
            return Lang.RU;
        }
        if (cyrillic >= latin) {
            int kazakhWords = 0;
            for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (KAZAKH_WORDS.contains(w)) {
                    kazakhWords++;
                }
            }
            return kazakhWords >= 2 ? Lang.KK : Lang.RU;
        }
        return Lang.EN;
    }
}
