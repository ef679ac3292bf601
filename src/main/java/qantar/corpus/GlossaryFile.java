package qantar.corpus;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** glossary.yaml (optional): groups of equivalent terms, anchors, context words and places. */
final class GlossaryFile {
    private GlossaryFile() {
    }

    static List<GlossaryGroup> read(Path dir, List<Problem> problems) {
        CorpusFiles.ListFile file = CorpusFiles.list(dir, "glossary.yaml", "glossary", false, problems);
        YamlNodes y = file.y();
        Map<String, Integer> groupLine = new HashMap<>();
        return file.each("a glossary group", Set.of("terms", "anchor", "context", "place"), (f, item) -> {
            List<String> terms = y.textList(f, "terms", item);
            for (String t : terms) {
                // a term of two groups would join them in some questions and not in others
                Integer first = groupLine.putIfAbsent(t, YamlNodes.line(item));
                if (first != null && first != YamlNodes.line(item)) {
                    y.error(item, "the term '" + t + "' is already in the group of line " + first);
                }
            }
            boolean anchor = y.bool(f, "anchor");
            boolean place = y.bool(f, "place");
            boolean context = y.bool(f, "context") || place;
            if (anchor && context) {
                y.error(item, "a glossary group is an anchor or context (or a place), not both");
            }
            if (terms.size() < 2 && !anchor && !context) {
                y.error(item, "a glossary group needs at least two terms (or anchor: true / context: true / place: true)");
            }
            return new GlossaryGroup(anchor, context, place, terms);
        });
    }
}
