package qantar.corpus;

import java.util.List;

/**
 * Equivalent terms across Kazakh, Russian and English. Anchors name the events and place a question
 * in scope; context words (January, 2022, people) set the scene but are not what a question asks about.
 * Places (Taraz, Almaty) are context words too, except in a question that has nothing else to be
 * about: «what happened in Taraz?» asks about Taraz.
 */
public record GlossaryGroup(boolean anchor, boolean context, boolean place, List<String> terms) {
    public GlossaryGroup {
        terms = List.copyOf(terms);
        context = context || place;
    }

    /** A group that is no place. */
    public GlossaryGroup(boolean anchor, boolean context, List<String> terms) {
        this(anchor, context, false, terms);
    }
}
