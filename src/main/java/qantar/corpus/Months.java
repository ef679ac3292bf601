package qantar.corpus;

import java.util.Map;

/** Month names in Russian, English and Kazakh, known by their stems: one list for every reader of dates. */
public final class Months {
    private static final Map<String, Integer> STEMS = Map.ofEntries(
            Map.entry("январ", 1), Map.entry("феврал", 2), Map.entry("март", 3), Map.entry("апрел", 4),
            Map.entry("мая", 5), Map.entry("май", 5), Map.entry("июнь", 6), Map.entry("июня", 6), Map.entry("июне", 6),
            Map.entry("июль", 7), Map.entry("июля", 7), Map.entry("июле", 7), Map.entry("август", 8),
            Map.entry("сентябр", 9), Map.entry("октябр", 10), Map.entry("ноябр", 11), Map.entry("декабр", 12),
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12),
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("dec", 12),
            Map.entry("қаңтар", 1), Map.entry("ақпан", 2), Map.entry("наурыз", 3), Map.entry("сәуір", 4),
            Map.entry("мамыр", 5), Map.entry("маусым", 6), Map.entry("шілде", 7), Map.entry("тамыз", 8),
            Map.entry("қыркүйек", 9), Map.entry("қазан", 10), Map.entry("қараша", 11), Map.entry("желтоқсан", 12));

    private Months() {
    }

    /**
     * The month a word names (by its stem, so январе / января / қаңтарда count), or 0. A stem of
     * three letters names a month only as the whole word: "jan" does, "decision" does not.
     */
    public static int of(String word) {
        String w = Folding.fold(word);
        for (int len = Math.min(w.length(), 9); len >= 3; len--) {
            Integer m = STEMS.get(w.substring(0, len));
            if (m != null && (len >= 4 || w.length() == len)) {
                return m;
            }
        }
        return 0;
    }
}
