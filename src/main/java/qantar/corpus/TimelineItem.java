package qantar.corpus;

import java.util.List;
import java.util.Map;

public record TimelineItem(String date, Map<Lang, String> title, List<String> passageIds) {
    public TimelineItem {
        title = Map.copyOf(title);
        passageIds = List.copyOf(passageIds);
    }
}
