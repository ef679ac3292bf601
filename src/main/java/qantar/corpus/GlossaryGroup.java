package qantar.corpus;

import java.util.List;

/** Equivalent terms across Kazakh, Russian and English; anchors tie a question to the events. */
public record GlossaryGroup(boolean anchor, List<String> terms) {
    public GlossaryGroup {
        terms = List.copyOf(terms);
    }
}
