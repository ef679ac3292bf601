package qantar.corpus;

import java.util.Map;

public record Topic(String id, Map<Lang, String> labels) {
    public String label(Lang lang) {
        return labels.getOrDefault(lang, labels.getOrDefault(Lang.EN, id));
    }
}
