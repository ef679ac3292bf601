package qantar.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.yaml.snakeyaml.nodes.Node;

/** timeline.yaml (optional): dated events, each citing passages that exist. */
final class TimelineFile {
    private TimelineFile() {
    }

    static List<TimelineItem> read(Path dir, Predicate<String> passageKnown, List<Problem> problems) {
        CorpusFiles.ListFile file = CorpusFiles.list(dir, "timeline.yaml", "timeline", false, problems);
        YamlNodes y = file.y();
        List<TimelineItem> out = new ArrayList<>();
        for (Node item : file.items()) {
            Map<String, Node> f = y.mapping(item, "a timeline item", Set.of("date", "title", "passages"));
            if (f == null) {
                continue;
            }
            String date = y.date(f, "date", item, true);
            Map<Lang, String> title = f.containsKey("title") ? y.langMap(f.get("title"), "title") : Map.of();
            if (title.isEmpty()) {
                y.error(item, "a timeline item needs a title");
            }
            List<String> ids = y.textList(f, "passages", item);
            for (String id : ids) {
                if (!passageKnown.test(id)) {
                    y.error(f.get("passages"), "unknown passage '" + id + "'");
                }
            }
            if (date != null && !title.isEmpty()) {
                out.add(new TimelineItem(date, title, ids));
            }
        }
        return out;
    }
}
