package qantar.corpus;

import java.nio.file.Files;
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
        Path file = dir.resolve("glossary.yaml");
        Node root = Files.exists(file) ? CorpusFiles.read(dir, file, problems) : null;
        if (root == null) {
            return List.of();
        }
        YamlNodes y = new YamlNodes(CorpusFiles.relative(dir, file), problems);
        List<GlossaryGroup> out = new ArrayList<>();
        for (Node item : y.sequence(root, "glossary")) {
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
