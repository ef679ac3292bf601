package qantar.moderation;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import qantar.corpus.Lang;
import qantar.corpus.Passage;

/**
 * What an edit changes, field by field; unchanged fields are left out. As lines ("- field: old"
 * then "+ field: new") for Telegram, and word by word for the console.
 */
public final class Diff {
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

    /** One changed field: its value before and after (null where it had none). */
    public record Field(String name, String before, String after) {
    }

    /** A run of words the same in both, only in the old value, or only in the new one. */
    public record Words(Kind kind, String text) {
        public enum Kind { SAME, REMOVED, ADDED }
    }

    private Diff() {
    }

    static List<String> of(Passage before, Passage after) {
        List<String> out = new ArrayList<>();
        for (Field f : fields(before, after)) {
            if (f.before() != null) {
                out.add("- " + f.name() + ": " + f.before());
            }
            if (f.after() != null) {
                out.add("+ " + f.name() + ": " + f.after());
            }
        }
        return out;
    }

    /** The fields that differ; {@code before} null for a new passage (every field is then added). */
    public static List<Field> fields(Passage before, Passage after) {
        Map<String, String> a = before == null ? Map.of() : values(before);
        Map<String, String> b = after == null ? Map.of() : values(after);
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<Field> out = new ArrayList<>();
        for (String k : keys) {
            if (!Objects.equals(a.get(k), b.get(k))) {
                out.add(new Field(k, a.get(k), b.get(k)));
            }
        }
        return out;
    }

    /** A word-level diff of two values (either may be null), whitespace and punctuation kept as they are. */
    public static List<Words> words(String before, String after) {
        List<String> x = tokens(before);
        List<String> y = tokens(after);
        Patch<String> patch = DiffUtils.diff(x, y);
        List<Words> out = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            add(out, Words.Kind.SAME, x.subList(at, d.getSource().getPosition()));
            add(out, Words.Kind.REMOVED, d.getSource().getLines());
            add(out, Words.Kind.ADDED, d.getTarget().getLines());
            at = d.getSource().getPosition() + d.getSource().size();
        }
        add(out, Words.Kind.SAME, x.subList(at, x.size()));
        return out;
    }

    private static void add(List<Words> out, Words.Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
            text = out.remove(out.size() - 1).text() + text;
        }
        out.add(new Words(kind, text));
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<String, String> values(Passage p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("side", p.side().id());
        m.put("speaker", p.speaker());
        for (Lang l : Lang.values()) {
            String sp = p.speakers().get(l);
            m.put("speaker." + l.code(), sp == null || sp.equals(p.speaker()) ? null : sp);
        }
        m.put("topics", String.join(", ", p.topics()));
        m.put("original", p.original() == null ? null : p.original().code());
        m.put("quote", String.valueOf(p.quote()));
        m.put("said", p.said());
        m.put("same_as", p.sameAs());
        for (Lang l : Lang.values()) {
            m.put("text." + l.code(), p.texts().get(l));
        }
        for (Lang l : Lang.values()) {
            List<String> asks = p.asks().get(l);
            m.put("asks." + l.code(), asks == null || asks.isEmpty() ? null : String.join(" | ", asks));
        }
        for (Lang l : Lang.values()) {
            m.put("caution." + l.code(), p.caution().get(l));
        }
        m.values().removeIf(Objects::isNull);
        return m;
    }
}
