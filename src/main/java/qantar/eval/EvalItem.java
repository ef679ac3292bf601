package qantar.eval;

import java.util.List;
import java.util.Map;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/**
 * One question of a question set and what a good answer shows. {@code judged} holds graded
 * relevance, made by reading the passages: 2 answers the question, 1 is on its subject without
 * answering it, every other passage is 0. {@code core} are the passages of the central fact (any
 * one shown is enough). The older expectations stay: sides, key facts per side (any one of the
 * alternatives must appear), passage ids expected among each side's top five.
 */
public record EvalItem(String question, Lang lang, Kind kind, boolean outOfScope, List<Side> sides,
                       Map<Side, List<String>> facts, List<String> passages, Map<String, Integer> judged,
                       List<String> core, int line) {

    /** What sort of question it is, so each sort is reported on its own. */
    public enum Kind {
        PLAIN, OVERVIEW, LEADING, UNCOVERED, OUT_OF_SCOPE, COLLOQUIAL, MISSPELT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public EvalItem {
        judged = Map.copyOf(judged);
        core = List.copyOf(core);
    }

    public int grade(String passageId) {
        return judged.getOrDefault(passageId, 0);
    }
}
