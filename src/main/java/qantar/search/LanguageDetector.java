package qantar.search;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import qantar.corpus.Lang;

/**
 * Tells Kazakh, Russian and English apart cheaply, word by word: Latin words against Cyrillic ones,
 * then, among the Cyrillic, Kazakh words (with a Kazakh letter, a common Kazakh word or a Kazakh
 * ending, for people typing without Kazakh letters) against Russian ones (Russian stop words).
 * Quoted names («Қанды қаңтар») do not count, so a Russian question about a Kazakh title stays Russian.
 * Latin words are English unless they are Kazakh written in Latin letters ({@link KazakhLatin}).
 */
public final class LanguageDetector {
    private static final String KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
    /** Common Kazakh words as typed without Kazakh letters (қанша as канша). */
    private static final Set<String> KAZAKH_WORDS = Set.of("канша", "неше", "туралы", "адам", "болды", "болган", "болып",
            "кантар", "окигасы", "окиганын", "неге", "ким", "кимдер", "бар", "жок", "кезинде", "кайда", "калай", "кандай",
            "кашан", "кай", "каза", "мен", "пен", "бен", "жане", "деген", "деп", "деди", "дейди", "айтты", "бойынша", "ушин",
            "кейин", "дейин", "рас", "емес", "еди", "керек", "ол", "олар", "бул", "осы", "сол", "бир", "ен", "коп", "бирак",
            "жылы", "жылгы", "гой", "озы", "ози", "нени", "кимге", "кимнин", "берди", "алды", "етти", "етеди", "истеди",
            "жасады", "корди", "келди", "кетти", "ма", "ме", "па", "пе", "ба", "бе");
    /**
     * Kazakh endings (genitive, plural, its possessive, -ынша, -дағы) on a lower-case word of six
     * letters or more; not the ablative, whose -ден, -нан are Russian participles too («осужден»).
     */
    private static final Pattern KAZAKH_ENDING = Pattern.compile(
            "(нын|нин|дын|дин|тын|тин|ынша|инше|лар|лер|дар|дер|тар|тер|лары|лери|дары|дери|тары|тери|дагы|деги|тагы|теги)$");
    /** Russian words Kazakh uses too (не "what", да "too"): they tell nothing. */
    private static final Set<String> SHARED = Set.of("не", "да");
    private static final Pattern QUOTED = Pattern.compile("«[^»]*»|\"[^\"]*\"|“[^”]*”");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    private LanguageDetector() {
    }

    public static Lang detect(String text) {
        String unquoted = QUOTED.matcher(text).replaceAll(" ");
        String read = WORD.matcher(unquoted).find() ? unquoted : text;
        int cyrillic = 0;
        int latin = 0;
        int kazakh = 0;
        int russian = 0;
        Matcher m = WORD.matcher(read);
        while (m.find()) {
            String w = m.group();
            if (Character.UnicodeBlock.of(w.charAt(0)) != Character.UnicodeBlock.CYRILLIC) {
                latin += w.chars().allMatch(c -> c < 0x250) ? 1 : 0;
                continue;
            }
            cyrillic++;
            String lower = w.toLowerCase(Locale.ROOT).replace('ё', 'е');
            if (w.chars().anyMatch(c -> KAZAKH_LETTERS.indexOf(c) >= 0) || KAZAKH_WORDS.contains(lower)
                    || lower.length() >= 6 && Character.isLowerCase(w.charAt(0)) && KAZAKH_ENDING.matcher(lower).find()) {
                kazakh++;
            } else if (!SHARED.contains(lower) && AnalysisWords.RU_STOP.contains(lower)) {
                russian++;
            }
        }
        if (cyrillic == 0 && latin == 0) {
            return Lang.RU;
        }
        if (latin > cyrillic) {
            return KazakhLatin.written(read) ? Lang.KK : Lang.EN;
        }
        return kazakh > russian ? Lang.KK : Lang.RU;
    }
}
