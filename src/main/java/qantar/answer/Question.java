package qantar.answer;

import java.util.Set;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/** A citizen's question. {@code lang} is null when it should be detected; empty sides mean all. */
public record Question(String text, Lang lang, Set<Side> sides) {
    public Question {
        sides = sides == null ? Set.of() : Set.copyOf(sides);
    }

    public static Question of(String text) {
        return new Question(text, null, Set.of());
    }
}
