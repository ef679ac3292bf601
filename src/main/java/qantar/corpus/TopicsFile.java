package qantar.corpus;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** topics.yaml, which every corpus has: the topic ids a passage may carry, with their labels. */
final class TopicsFile {
    private TopicsFile() {
    }

    static List<Topic> read(Path dir, List<Problem> problems) {
        CorpusFiles.ListFile file = CorpusFiles.list(dir, "topics.yaml", "topics", true, problems);
        YamlNodes y = file.y();
        Set<String> seen = new HashSet<>();
        return file.each("a topic", Set.of("id", "label"), (f, item) -> {
            String id = y.text(f, "id", item, true);
            Map<Lang, String> label = f.containsKey("label") ? y.langMap(f.get("label"), "label") : Map.of();
            if (id != null && !seen.add(id)) {
                y.error(f.get("id"), "duplicate topic '" + id + "'");
                return null;
            }
            return id == null ? null : new Topic(id, label);
        });
    }
}
