package qantar.search;

import java.util.ArrayList;
import java.util.List;
import qantar.corpus.Folding;
import qantar.corpus.Months;

/**
 * A day of a month a question names («5 января», "January 7", «6 қаңтарда»), as the forms a passage
 * writes it in: the day and the month's name side by side, in each language; and the months alike.
 */
record DayOfMonth(int day, int month, int dayWord, int monthWord) {
    private static final List<String> RU = List.of("января", "февраля", "марта", "апреля", "мая", "июня", "июля",
            "августа", "сентября", "октября", "ноября", "декабря");
    private static final List<String> EN = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    private static final List<String> KK = List.of("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде",
            "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан");

    /**
     * The day of a month among the words ("7 January" or "January 7"), or null; null too when they
     * hold another day's figure, as a span of days does («со 2 по 7 января»).
     */
    static DayOfMonth in(List<String> words) {
        if (words.stream().filter(w -> day(w) != 0).count() != 1) {
            return null;
        }
        for (int i = 0; i < words.size(); i++) {
            int day = day(words.get(i));
            if (day == 0) {
                continue;
            }
            if (i + 1 < words.size() && month(words.get(i + 1)) != 0) {
                return new DayOfMonth(day, month(words.get(i + 1)), i, i + 1);
            }
            if (i > 0 && month(words.get(i - 1)) != 0) {
                return new DayOfMonth(day, month(words.get(i - 1)), i, i - 1);
            }
        }
        return null;
    }

    /**
     * The month a question word names, or 0: "may" and "march" only written capitalised, and never
     * the Kazakh month names that are other words too (қазан a cauldron, маусым a season, қараша
     * "look").
     */
    static int month(String word) {
        String w = Folding.fold(word);
        boolean otherWord = (w.startsWith("may") || w.startsWith("march")) && Character.isLowerCase(word.charAt(0))
                || w.startsWith("қазан") || w.startsWith("маусым") || w.startsWith("қараш");
        return otherWord ? 0 : Months.of(word);
    }

    /** How passages name the month alone, in each language, leaving out the names that are other words too. */
    static List<String> monthForms(int month) {
        List<String> forms = new ArrayList<>(List.of(RU.get(month - 1)));
        if (month != 3 && month != 5) {
            forms.add(EN.get(month - 1)); // "march", "may"
        }
        if (month != 6 && month != 10 && month != 11) {
            forms.add(KK.get(month - 1));
        }
        return forms;
    }

    private static int day(String word) {
        if (!word.matches("\\d{1,2}")) {
            return 0;
        }
        int d = Integer.parseInt(word);
        return d >= 1 && d <= 31 ? d : 0;
    }

    String label() {
        return day + " " + EN.get(month - 1);
    }

    /** How passages write it (a form with a figure is searched as a phrase: {@link ConceptQueries}). */
    List<String> forms() {
        return List.of(day + " " + RU.get(month - 1), day + " " + EN.get(month - 1), EN.get(month - 1) + " " + day,
                day + " " + KK.get(month - 1));
    }
}
