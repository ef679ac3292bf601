package qantar.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import qantar.corpus.Lang;
import qantar.corpus.Passage;

/** What an edit changes, field by field: "- field: old" then "+ field: new". Unchanged fields are left out. */
final class Diff {
    private Diff() {
    }

    static List<String> of(Passage before, Passage after) {
        Map<String, String> a = fields(before);
        Map<String, String> b = fields(after);
        List<String> out = new ArrayList<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            String x = a.get(k);
            String y = b.get(k);
            if (!Objects.equals(x, y)) {
                if (x != null) {
                    out.add("- " + k + ": " + x);
                }
                if (y != null) {
                    out.add("+ " + k + ": " + y);
                }
            }
        }
        return out;
    }

    private static Map<String, String> fields(Passage p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("side", p.side().id());
        m.put("speaker", p.speaker());
        m.put("topics", String.join(", ", p.topics()));
        m.put("original", p.original() == null ? null : p.original().code());
        m.put("quote", String.valueOf(p.quote()));
        m.put("said", p.said());
        for (Lang l : Lang.values()) {
            m.put("text." + l.code(), p.texts().get(l));
        }
        for (Lang l : Lang.values()) {
            m.put("caution." + l.code(), p.caution().get(l));
        }
        m.values().removeIf(Objects::isNull);
        return m;
    }
}
