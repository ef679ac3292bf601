package qantar.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 */
final class AskMatch {
    private final Map<Lang, Analyzer> analyzers = Map.of(Lang.RU, Analyzers.russian(), Lang.EN, Analyzers.english(), Lang.KK, Analyzers.kazakh());
    /** Per passage id, each ask as the set of its tokens, with the language's analyzer. */
    private final Map<String, List<Set<String>>> asks = new HashMap<>();

    AskMatch(List<Passage> passages) {
        this(passages, null, Map.of());
    }

    /** The asks of these passages, analysed again only where they differ from {@code before}'s (the previous corpus's). */
    AskMatch(List<Passage> passages, AskMatch before, Map<String, Passage> beforePassages) {
        for (Passage p : passages) {
            Passage old = beforePassages.get(p.id());
            List<Set<String>> known = before == null || old == null || !old.asks().equals(p.asks()) ? null : before.asks.get(p.id());
            if (known != null) {
                asks.put(p.id(), known);
                continue;
            }
            List<Set<String>> sets = new ArrayList<>();
            for (Lang lang : Lang.values()) {
                p.asks().getOrDefault(lang, List.of()).forEach(q -> sets.add(new HashSet<>(Analyzers.tokens(analyzers.get(lang), "q", q))));
            }
            asks.put(p.id(), sets);
        }
    }

    /**
     * A question's concepts' forms as token lists, per concept (a form matches an ask holding all its
     * tokens), and every token of any form: an ask with none of them matches no concept.
     */
    record Forms(List<List<List<String>>> byConcept, Set<String> tokens) {
    }

    /** The concepts' forms, tokenised with each language's analyzer. */
    Forms forms(List<Concept> concepts) {
        List<List<List<String>>> out = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        for (Concept c : concepts) {
            List<List<String>> forms = new ArrayList<>();
            for (String f : c.forms()) {
                for (Analyzer a : analyzers.values()) {
                    List<String> t = Analyzers.tokens(a, "q", f);
                    if (!t.isEmpty()) {
                        forms.add(t);
                        tokens.addAll(t);
                    }
                }
            }
            out.add(forms);
        }
        return new Forms(out, tokens);
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
        for (Set<String> ask : asks.getOrDefault(p.id(), List.of())) {
            // Most asks share no word with the question: the forms need not be tried.
            if (ask.stream().noneMatch(forms.tokens()::contains)) {
                continue;
            }
            double covered = 0;
            for (int i = 0; i < concepts.size(); i++) {
                Concept c = concepts.get(i);
                boolean counted = bySubject ? weight[i] > 0 : c.frame() != null;
                if (counted && anyHeld(forms.byConcept().get(i), ask)) {
                    covered += bySubject ? weight[i] : 1;
                }
            }
            best = Math.max(best, covered / all);
        }
        return best;
    }

    private static boolean anyHeld(List<List<String>> forms, Set<String> ask) {
        for (List<String> form : forms) {
            if (ask.containsAll(form)) {
                return true;
            }
        }
        return false;
    }
}
