package qantar.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import qantar.corpus.Lang;
import qantar.corpus.Passage;

/**
 * How closely a question matches one of the questions a passage answers: the largest share of the
 * question's counting concepts that a single ask holds, each concept weighted as in coverage. A
 * passage whose own ask is the question ("how many were detained?") answers it; one that merely
 * uses the words somewhere does not.
 *
 * <p>Asks are kept as sorted arrays of token numbers, analysed once per corpus revision: a question
 * then compares integers, with no string set made or hashed per candidate.
 */
final class AskMatch {
    private static final int[][] NO_ASKS = new int[0][];
    private final Map<Lang, Analyzer> analyzers = Map.of(Lang.RU, Analyzers.russian(), Lang.EN, Analyzers.english(), Lang.KK, Analyzers.kazakh());
    /** Every token of any ask, numbered. */
    private final Map<String, Integer> ids;
    /** Per passage id, each ask as the sorted distinct numbers of its tokens, with the language's analyzer. */
    private final Map<String, int[][]> asks;
    /** Each concept's forms as numbers: the same glossary concepts come back in question after question. */
    private final Memo<Concept, int[][]> formsOf = new Memo<>(10_000);

    AskMatch(List<Passage> passages) {
        this(passages, null, Map.of(), List.of());
    }

    /**
     * The asks of these passages, analysed again only where they differ from {@code before}'s (the
     * previous corpus's); those of the passages {@code gone} since are dropped.
     */
    AskMatch(List<Passage> passages, AskMatch before, Map<String, Passage> beforePassages, List<Passage> gone) {
        // The previous numbers stay valid, so its analysed asks can be taken over as they are.
        ids = before == null ? new HashMap<>() : new HashMap<>(before.ids);
        asks = before == null ? new HashMap<>() : new HashMap<>(before.asks);
        for (Passage p : passages) {
            Passage old = beforePassages.get(p.id());
            if (before != null && old != null && old.asks().equals(p.asks())) {
                continue;
            }
            List<int[]> sets = new ArrayList<>();
            for (Lang lang : Lang.values()) {
                for (String q : p.asks().getOrDefault(lang, List.of())) {
                    sets.add(number(Analyzers.tokens(analyzers.get(lang), "q", q)));
                }
            }
            asks.put(p.id(), sets.toArray(NO_ASKS));
        }
        gone.forEach(p -> asks.remove(p.id()));
    }

    private int[] number(List<String> tokens) {
        return tokens.stream().mapToInt(t -> ids.computeIfAbsent(t, k -> ids.size())).sorted().distinct().toArray();
    }

    /**
     * A question's concepts' forms as sorted token numbers, per concept (a form matches an ask
     * holding all its tokens), and every token of any form: an ask with none of them matches no
     * concept. A form with a token no ask has can match no ask, and is left out.
     */
    record Forms(List<int[][]> byConcept, BitSet tokens) {
    }

    /** The concepts' forms, tokenised with each language's analyzer. */
    Forms forms(List<Concept> concepts) {
        List<int[][]> out = new ArrayList<>();
        BitSet tokens = new BitSet();
        for (Concept c : concepts) {
            int[][] numbered = formsOf.get(c, this::number);
            Arrays.stream(numbered).flatMapToInt(Arrays::stream).forEach(tokens::set);
            out.add(numbered);
        }
        return new Forms(out, tokens);
    }

    /** A concept's forms as sorted token numbers, each distinct form once. */
    private int[][] number(Concept c) {
        Set<List<Integer>> forms = new LinkedHashSet<>();
        for (String f : c.forms()) {
            for (Analyzer a : analyzers.values()) {
                List<Integer> known = known(Analyzers.tokens(a, "q", f));
                if (known != null) {
                    forms.add(known);
                }
            }
        }
        return forms.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** A form's sorted distinct token numbers, or null when it has no token or one that no ask has. */
    private List<Integer> known(List<String> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (String t : tokens) {
            Integer id = ids.get(t);
            if (id == null) {
                return null;
            }
            out.add(id);
        }
        return out.stream().sorted().distinct().toList();
    }

    /**
     * The best single ask's weighted share of the counting concepts, 0 when the passage has none. A
     * question with no subject ("what happened, briefly?") is matched by its frame words instead: a
     * passage asked "what happened in January 2022?" is an overview.
     */
    double of(Passage p, List<Concept> concepts, Forms forms, double[] weight, double total) {
        boolean bySubject = total > 0;
        double all = bySubject ? total : concepts.stream().filter(c -> c.frame() != null).count();
        if (all <= 0) {
            return 0;
        }
        double best = 0;
        for (int[] ask : asks.getOrDefault(p.id(), NO_ASKS)) {
            // Most asks share no word with the question: the forms need not be tried.
            if (!anyOf(ask, forms.tokens())) {
                continue;
            }
            double covered = 0;
            for (int i = 0; i < concepts.size(); i++) {
                boolean counted = bySubject ? weight[i] > 0 : concepts.get(i).frame() != null;
                if (counted && anyHeld(forms.byConcept().get(i), ask)) {
                    covered += bySubject ? weight[i] : 1;
                }
            }
            best = Math.max(best, covered / all);
        }
        return best;
    }

    private static boolean anyOf(int[] ask, BitSet tokens) {
        for (int t : ask) {
            if (tokens.get(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyHeld(int[][] forms, int[] ask) {
        for (int[] form : forms) {
            if (holds(ask, form)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the sorted {@code ask} holds every token of the sorted {@code form}. */
    private static boolean holds(int[] ask, int[] form) {
        int a = 0;
        for (int t : form) {
            while (a < ask.length && ask[a] < t) {
                a++;
            }
            if (a == ask.length || ask[a] != t) {
                return false;
            }
        }
        return true;
    }
}
