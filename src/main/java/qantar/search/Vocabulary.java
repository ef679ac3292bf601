package qantar.search;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import qantar.corpus.Folding;
import qantar.corpus.Passage;

/**
 * Every word of the passages' texts and asks, folded: what the corpus uses is not a misspelling.
 * Each word keeps the number of passages using it, so the vocabulary after a change is the
 * previous one with only the changed passages' words counted out and in (at 100,000 passages,
 * reading every text again took seconds per approval).
 */
final class Vocabulary {
    /** Word to the number of live passages using it; never changed once made (an older revision may still be asked). */
    private final Map<String, Integer> passagesUsing;

    private Vocabulary(Map<String, Integer> passagesUsing) {
        this.passagesUsing = passagesUsing;
    }

    static Vocabulary of(List<Passage> passages) {
        Map<String, Integer> counts = new HashMap<>();
        passages.forEach(p -> count(p, counts, 1));
        return new Vocabulary(counts);
    }

    /**
     * The vocabulary of {@code passages}, given this one of {@code before}: a passage that is the
     * very object it was (unchanged by a reload) or has the same texts and asks is not read again;
     * the words of those {@code gone} are counted out.
     */
    Vocabulary after(List<Passage> passages, Map<String, Passage> before, List<Passage> gone) {
        Map<String, Integer> counts = null;
        for (Passage p : passages) {
            Passage old = before.get(p.id());
            if (old == p || old != null && old.texts().equals(p.texts()) && old.asks().equals(p.asks())) {
                continue;
            }
            counts = counts == null ? new HashMap<>(passagesUsing) : counts;
            if (old != null) {
                count(old, counts, -1);
            }
            count(p, counts, 1);
        }
        for (Passage old : gone) {
            counts = counts == null ? new HashMap<>(passagesUsing) : counts;
            count(old, counts, -1);
        }
        return counts == null ? this : new Vocabulary(counts);
    }

    /** The words, as the query planner looks them up. */
    Set<String> words() {
        return Collections.unmodifiableSet(passagesUsing.keySet());
    }

    private static void count(Passage p, Map<String, Integer> counts, int by) {
        for (String w : words(p)) {
            counts.merge(w, by, (a, b) -> a + b == 0 ? null : a + b); // null removes a word no passage uses any more
        }
    }

    /** The folded words of a passage's texts and asks. */
    static Set<String> words(Passage p) {
        Set<String> words = new HashSet<>();
        p.texts().values().forEach(t -> addWords(t, words));
        p.asks().values().forEach(list -> list.forEach(a -> addWords(a, words)));
        return words;
    }

    private static void addWords(String text, Set<String> words) {
        Matcher m = QueryPlanner.WORD.matcher(text);
        while (m.find()) {
            words.add(Folding.fold(m.group()));
        }
    }
}
