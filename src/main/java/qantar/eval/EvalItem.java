package qantar.eval;

import java.util.List;
import java.util.Map;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/**
 * One question of a question set and what a good answer shows: the sides expected, key facts per
 * side (any one of the alternatives must appear in that side's statements), passage ids expected
 * among each side's top five, or that it is out of scope.
 */
public record EvalItem(String question, Lang lang, boolean outOfScope, List<Side> sides,
                       Map<Side, List<String>> facts, List<String> passages, int line) {
}
