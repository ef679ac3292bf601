package qantar.corpus;

import java.util.List;

/**
 * Equivalent terms across Kazakh, Russian and English. Anchors name the events and place a question
 * in scope; context words (January, 2022, people) set the scene but are not what a question asks about.
 */
public record GlossaryGroup(boolean anchor, boolean context, List<String> terms) {
    public GlossaryGroup {
        terms = List.copyOf(terms);
    }
}
