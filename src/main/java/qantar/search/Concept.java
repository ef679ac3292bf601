package qantar.search;

import java.util.List;

/**
 * One thing a question asks about: a word of the question, or a glossary group it matched (then
 * every term of the group, in every language, stands for it). Anchors only place the question in
 * the January 2022 events; they do not count towards how well a passage covers the question.
 */
public record Concept(String label, List<String> forms, boolean anchor, boolean fromGlossary) {
    public Concept {
        forms = List.copyOf(forms);
    }
}
