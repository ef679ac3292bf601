package qantar.search;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kazakh written in Latin letters: in the 2021 alphabet («Qañtar oqiğasy») or as people type it on
 * an English keyboard ("qantar oqighasy", "kansha adam kaza boldy"). It is told from English by its
 * letters (ä ğ ı ñ ö ş ū ü, a q not before u) and its common words, and read as the Cyrillic a
 * Russian keyboard gives (қ as к, ү as у): the Kazakh analyzers fold Kazakh letters so anyway.
 */
public final class KazakhLatin {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final String LETTERS = "äğıñöşūüÄĞÑÖŞŪÜİ";
    /** A q not before u: English has hardly any (Iraq), Kazakh many (qaza, oqiğa). */
    private static final Pattern Q = Pattern.compile("q(?!u)");
    /** Common Kazakh words that are no English words. */
    private static final Set<String> WORDS = Set.of("boldy", "bolgan", "boldi", "qansha", "kansha", "qanşa", "turaly",
            "kim", "kimder", "qalay", "kalay", "qalai", "kalai", "nege", "qashan", "kashan", "qaşan", "jane", "zhane", "jäne",
            "kezinde", "ushin", "üşin", "deydi", "dedi", "aitty", "aytty", "qaza", "kaza", "qantar", "kantar", "qañtar",
            "oqigasy", "okigasy", "oqighasy", "oqiğasy", "ras", "emes", "qaida", "kaida", "qayda", "qandai", "kandai", "qanday");
    /** Latin spellings, longest first, and the Cyrillic a Russian keyboard gives for them. */
    private static final List<String[]> SPELLINGS = List.of(
            new String[] {"shch", "щ"}, new String[] {"sh", "ш"}, new String[] {"ch", "ч"}, new String[] {"zh", "ж"},
            new String[] {"kh", "х"}, new String[] {"gh", "г"}, new String[] {"ts", "ц"}, new String[] {"ya", "я"},
            new String[] {"yu", "ю"}, new String[] {"yo", "ё"});
    private static final String VOWELS = "aeiouyäöüıū";
    private static final String SINGLE_FROM = "abcdefghijklmnopqrstuvwxyzäğıñöşūüé";
    private static final String SINGLE_TO = "абцдефгхижклмнопкрстуввхызагыношууе";

    private KazakhLatin() {
    }

    /** Whether the Latin words of {@code text} are Kazakh rather than English. */
    static boolean written(String text) {
        int kazakh = 0;
        int english = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            String lower = w.toLowerCase(Locale.ROOT);
            if (w.chars().anyMatch(c -> LETTERS.indexOf(c) >= 0) || Q.matcher(lower).find() || WORDS.contains(lower)) {
                kazakh++;
            } else if (AnalysisWords.EN_STOP.contains(lower)) {
                english++;
            }
        }
        return kazakh > english;
    }

    /** The Latin words of {@code text} in Cyrillic letters; everything else as it is. */
    static String cyrillic(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            String w = m.group();
            // acronyms (HRW, CSTO) are names in Latin letters
            out.append(w.chars().allMatch(c -> c < 0x250) && w.chars().filter(Character::isUpperCase).count() < 2 ? word(w) : w);
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    private static String word(String latin) {
        String w = latin.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < w.length()) {
            String[] spelled = spelling(w, i);
            if (spelled != null) {
                out.append(spelled[1]);
                i += spelled[0].length();
                continue;
            }
            char c = w.charAt(i);
            boolean afterVowel = i > 0 && vowel(w, i - 1);
            // y or i after a vowel is й («qalay», "aitty"), y between two vowels nothing («Tokayev», Тоқаев); else ы, и
            if ((c == 'y' || c == 'i' && !vowel(w, i + 1)) && afterVowel) {
                if (!vowel(w, i + 1)) {
                    out.append('й');
                }
                i++;
                continue;
            }
            // ñ, and ng before a consonant or at the end («qangtar»), is ң, which a Russian keyboard types as н
            if (c == 'n' && i + 1 < w.length() && w.charAt(i + 1) == 'g' && !vowel(w, i + 2)) {
                out.append('н');
                i += 2;
                continue;
            }
            int at = SINGLE_FROM.indexOf(c);
            out.append(at >= 0 ? SINGLE_TO.charAt(at) : c);
            i++;
        }
        return Character.isUpperCase(latin.charAt(0)) && out.length() > 0
                ? Character.toUpperCase(out.charAt(0)) + out.substring(1) : out.toString();
    }

    /** Whether {@code w} has a vowel at {@code i} (false past its end). */
    private static boolean vowel(String w, int i) {
        return i < w.length() && VOWELS.indexOf(w.charAt(i)) >= 0;
    }

    private static String[] spelling(String w, int i) {
        for (String[] s : SPELLINGS) {
            if (w.startsWith(s[0], i)) {
                return s;
            }
        }
        return null;
    }
}
