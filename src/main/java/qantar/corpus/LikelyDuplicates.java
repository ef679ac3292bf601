package qantar.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pairs of passages of one side that may state the same fact (many shared words, or a shared
 * figure and some shared words) and are in no cluster together: candidates for {@code same_as},
 * for a moderator to read. Compares the English texts, which every passage has.
 */
public final class LikelyDuplicates {
    /** Share of shared words from which two texts probably say the same. */
    static final double SAME_WORDS = 0.45;
    /** With a figure in common, fewer shared words suffice. */
    static final double SAME_FIGURE_WORDS = 0.25;
    /** Looser than search's Analyzers.joinDigitGroups (corpus, below search, cannot use it): a candidate is only a hint for a moderator. */
    private static final Pattern FIGURE = Pattern.compile("\\d[\\d,. ]*\\d|\\d");

    public record Pair(Passage a, Passage b, double overlap, Set<String> figures) {
    }

    private LikelyDuplicates() {
    }

    public static List<Pair> of(Corpus corpus) {
        List<Passage> ps = corpus.passages();
        List<Set<String>> words = ps.stream().map(p -> words(text(p))).toList();
        List<Set<String>> figures = ps.stream().map(p -> figures(text(p))).toList();
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            for (int j = i + 1; j < ps.size(); j++) {
                Passage a = ps.get(i);
                Passage b = ps.get(j);
                if (a.side() != b.side() || a.clusterId().equals(b.clusterId())) {
                    continue;
                }
                double overlap = overlap(words.get(i), words.get(j));
                Set<String> shared = new HashSet<>(figures.get(i));
                shared.retainAll(figures.get(j));
                if (overlap >= SAME_WORDS || (!shared.isEmpty() && overlap >= SAME_FIGURE_WORDS)) {
                    out.add(new Pair(a, b, overlap, shared));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Pair::overlap).reversed());
        return out;
    }

    private static String text(Passage p) {
        return p.texts().getOrDefault(Lang.EN, p.texts().values().iterator().next());
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 3).forEach(out::add);
        return out;
    }

    /** Figures of 10 or more that are not years, digit groups joined. */
    private static Set<String> figures(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[,. ]", "");
            boolean year = digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"));
            if (!year && digits.length() >= 2) {
                out.add(digits);
            }
        }
        return out;
    }

    /** The share of words two texts have in common (Jaccard), 0 for two empty ones. */
    public static double overlap(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        Set<String> any = new HashSet<>(a);
        any.addAll(b);
        return any.isEmpty() ? 0 : (double) both.size() / any.size();
    }
}
