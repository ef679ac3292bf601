package qantar.search;

import java.util.List;

/**
 * One thing a question asks about: a word of the question, or a glossary group it matched (then
 * every term of the group, in every language, stands for it). Anchors place the question in the
 * January 2022 events, context words set the scene, and frame words say what kind of answer is
 * wanted ("how many"); none of them counts towards how well a passage covers the question.
 */
public record Concept(String label, List<String> forms, boolean anchor, boolean context, boolean fromGlossary, Frame frame) {
    /** Whether matching it says a passage is about the question (anchors, context and frame words do not). */
    public boolean counts() {
        return !anchor && !context && frame == null;
    }

    /** Whether it is a subject the glossary names: a question with one is about something the corpus curates. */
    public boolean curatedSubject() {
        return fromGlossary && counts();
    }

    public Concept {
        forms = List.copyOf(forms);
    }

    public Concept(String label, List<String> forms, boolean anchor, boolean context, boolean fromGlossary) {
        this(label, forms, anchor, context, fromGlossary, null);
    }
}
