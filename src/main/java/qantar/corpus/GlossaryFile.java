package qantar.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** glossary.yaml (optional): groups of equivalent terms, anchors and context words. */
final class GlossaryFile {
    private GlossaryFile() {
    }

    static List<GlossaryGroup> read(Path dir, List<Problem> problems) {
        CorpusFiles.ListFile file = CorpusFiles.list(dir, "glossary.yaml", "glossary", false, problems);
        YamlNodes y = file.y();
        List<GlossaryGroup> out = new ArrayList<>();
        for (Node item : file.items()) {
            Map<String, Node> f = y.mapping(item, "a glossary group", Set.of("terms", "anchor", "context"));
            if (f == null) {
                continue;
            }
            List<String> terms = y.textList(f, "terms", item);
            boolean anchor = y.bool(f, "anchor");
            boolean context = y.bool(f, "context");
            if (anchor && context) {
                y.error(item, "a glossary group is an anchor or context, not both");
            }
            if (terms.size() < 2 && !anchor && !context) {
                y.error(item, "a glossary group needs at least two terms (or anchor: true / context: true)");
            }
            out.add(new GlossaryGroup(anchor, context, terms));
        }
        return out;
    }
}
