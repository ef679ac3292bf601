package qantar.search;

import java.util.List;

/**
 * One thing a question asks about: a word of the question, or a glossary group it matched (then
 * every term of the group, in every language, stands for it). Anchors place the question in the
 * January 2022 events and context words set the scene; neither counts towards how well a passage
 * covers the question.
 */
public record Concept(String label, List<String> forms, boolean anchor, boolean context, boolean fromGlossary) {
    /** Whether matching it says a passage is about the question (anchors and context words do not). */
    public boolean counts() {
        return !anchor && !context;
    }

    public Concept {
        forms = List.copyOf(forms);
    }
}
