package qantar.search;

import com.ibm.icu.text.Transliterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Words of every script in Latin letters, for the transliterated field («Жанаозен» as "zhanaozen").
 * The rules are compiled once per process, on first use (starting ICU's transliterators and compiling
 * them takes a good part of a second; {@link #prepare} starts it early, beside the rest of start-up).
 * One instance serves every analyzer and thread, as Lucene's ICUTransformFilterFactory shares it.
 * Each word's Latin form is kept once found: words repeat, and the rules run a word through five
 * transliterators, which was half the cost of indexing.
 */
final class Latin {
    /** Kazakh letters to their nearest Russian ones, then BGN romanisation, then plain ASCII. */
    static final String RULES = """
            ә > а; Ә > А; ғ > г; Ғ > Г; қ > к; Қ > К; ң > н; Ң > Н; ө > о; Ө > О;
            ұ > у; Ұ > У; ү > у; Ү > У; һ > х; Һ > Х; і > и; І > И; ё > е; Ё > Е;
            :: Russian-Latin/BGN;
            :: Latin-ASCII;
            :: Lower;
            """;
    /** Enough for every word of a 100,000-passage corpus; past it words are transliterated each time. */
    private static final int KEPT = 200_000;
    private static final ConcurrentHashMap<String, String> WORDS = new ConcurrentHashMap<>();
    private static final AtomicBoolean PREPARING = new AtomicBoolean();

    private Latin() {
    }

    /** Compiled on first use of this holder, not when {@link Latin} is loaded. */
    private static final class Compiled {
        static final Transliterator TO_LATIN = Transliterator.createFromRules("qantar-latin", RULES, Transliterator.FORWARD);
    }

    static String of(String word) {
        if (ascii(word)) {
            return word.toLowerCase(java.util.Locale.ROOT); // the rules change no ASCII letter but its case: ICU need not start for it
        }
        String latin = WORDS.get(word);
        if (latin == null) {
            latin = Compiled.TO_LATIN.transliterate(word);
            if (WORDS.size() < KEPT) {
                WORDS.put(word, latin);
            }
        }
        return latin;
    }

    private static boolean ascii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Compiles the rules on a background thread; returns at once. */
    static void prepare() {
        if (PREPARING.compareAndSet(false, true)) {
            Thread t = new Thread(() -> of("қаңтар"), "translit-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }
}
