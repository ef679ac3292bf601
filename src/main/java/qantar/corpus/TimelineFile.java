package qantar.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** timeline.yaml (optional): dated events, each citing passages that exist. */
final class TimelineFile {
    private TimelineFile() {
    }

    static List<TimelineItem> read(Path dir, Predicate<String> passageKnown, List<Problem> problems) {
        CorpusFiles.ListFile file = CorpusFiles.list(dir, "timeline.yaml", "timeline", false, problems);
        YamlNodes y = file.y();
        return file.each("a timeline item", Set.of("date", "title", "passages"), (f, item) -> {
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
            return date == null || title.isEmpty() ? null : new TimelineItem(date, title, ids);
        });
    }
}
