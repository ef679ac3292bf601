package qantar.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** topics.yaml, which every corpus has: the topic ids a passage may carry, with their labels. */
final class TopicsFile {
    private TopicsFile() {
    }

    static List<Topic> read(Path dir, List<Problem> problems) {
        CorpusFiles.ListFile file = CorpusFiles.list(dir, "topics.yaml", "topics", true, problems);
        YamlNodes y = file.y();
        List<Topic> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node item : file.items()) {
            Map<String, Node> f = y.mapping(item, "a topic", Set.of("id", "label"));
            if (f == null) {
                continue;
            }
            String id = y.text(f, "id", item, true);
            Map<Lang, String> label = f.containsKey("label") ? y.langMap(f.get("label"), "label") : Map.of();
            if (id != null && !seen.add(id)) {
                y.error(f.get("id"), "duplicate topic '" + id + "'");
            } else if (id != null) {
                out.add(new Topic(id, label));
            }
        }
        return out;
    }
}
