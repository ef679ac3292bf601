package qantar.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.moderation.PassageDraft;

/**
 * A passage as the console's form holds it, both ways: every field by name, asks one question a
 * line, topics separated by commas. The validator's problems go beside the field they name.
 */
final class ConsoleForms {
    static final int MAX_FIELD = 20_000;
    private static final Pattern IN_LANG = Pattern.compile("\\bin (ru|kk|en)\\b");

    private ConsoleForms() {
    }

    static Map<String, String> values(Passage p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("source", p.sourceId());
        v.put("side", p.side().id());
        for (Lang l : Lang.values()) {
            v.put("speaker." + l.code(), p.speaker(l));
            v.put("text." + l.code(), p.texts().getOrDefault(l, ""));
            v.put("asks." + l.code(), String.join("\n", p.asks().getOrDefault(l, List.of())));
            v.put("caution." + l.code(), p.caution().getOrDefault(l, ""));
        }
        v.put("topics", String.join(", ", p.topics()));
        v.put("original", p.original() == null ? "" : p.original().code());
        v.put("quote", String.valueOf(p.quote()));
        v.put("said", p.said() == null ? "" : p.said());
        v.put("same_as", p.sameAs() == null ? "" : p.sameAs());
        return v;
    }

    /** The posted fields, clipped and with line ends made plain. */
    static Map<String, String> posted(Context ctx) {
        Map<String, String> v = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of("source", "side", "topics", "original", "said", "same_as", "reason", "base"));
        for (Lang l : Lang.values()) {
            names.addAll(List.of("speaker." + l.code(), "text." + l.code(), "asks." + l.code(), "caution." + l.code()));
        }
        for (String n : names) {
            v.put(n, clip(ctx.formParam(n)));
        }
        v.put("quote", String.valueOf("true".equals(ctx.formParam("quote"))));
        return v;
    }

    /** The draft the fields describe, every field given; an edit's {@code sourceId} comes from its page, not the form. */
    static PassageDraft draft(String sourceId, Map<String, String> v) {
        Side side = Side.fromId(v.getOrDefault("side", "")).orElse(null);
        Map<Lang, String> texts = new EnumMap<>(Lang.class);
        Map<Lang, List<String>> asks = new EnumMap<>(Lang.class);
        Map<Lang, String> caution = new EnumMap<>(Lang.class);
        Map<Lang, String> speakers = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            putIfAny(texts, l, v.get("text." + l.code()));
            putIfAny(caution, l, v.get("caution." + l.code()));
            putIfAny(speakers, l, v.get("speaker." + l.code()));
            List<String> qs = Arrays.stream(v.getOrDefault("asks." + l.code(), "").split("\n")).map(String::strip)
                    .filter(q -> !q.isEmpty()).toList();
            if (!qs.isEmpty()) {
                asks.put(l, qs);
            }
        }
        List<String> topics = Arrays.stream(v.getOrDefault("topics", "").split("[,\\s]+")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new PassageDraft(sourceId, side == null ? Side.OTHER : side, Lang.fromCode(v.getOrDefault("original", "")).orElse(null),
                texts, speakers, topics, asks, "true".equals(v.get("quote")), blankToNull(v.get("said")), blankToNull(v.get("same_as")), caution);
    }

    /** Each problem beside the field it is about (texts, asks, speaker, topics, ...), else with the form as a whole. */
    static Map<String, List<String>> byField(List<String> problems, List<String> general) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String p : problems) {
            String f = field(p);
            if (f == null) {
                general.add(p);
            } else {
                out.computeIfAbsent(f, k -> new ArrayList<>()).add(p);
            }
        }
        return out;
    }

    /** A form field, and whether a validator problem (in lower case) is about it. */
    private record FieldRule(String field, Predicate<String> about) {
        static FieldRule mentioning(String field, String... words) {
            return new FieldRule(field, p -> Arrays.stream(words).anyMatch(p::contains));
        }
    }

    /** After same_as and asks, the first of these a problem is about is its field: a quote's text is "texts", not "quote". */
    private static final List<FieldRule> FIELDS = List.of(FieldRule.mentioning("topics", "topic"),
            FieldRule.mentioning("speaker", "speaker"), new FieldRule("texts", p -> p.startsWith("quote of") || p.contains("text")),
            FieldRule.mentioning("original", "original"), FieldRule.mentioning("quote", "quote"), FieldRule.mentioning("side", "side"),
            FieldRule.mentioning("said", "said", "yyyy"), FieldRule.mentioning("caution", "caution"));

    private static String field(String problem) {
        String p = problem.toLowerCase(java.util.Locale.ROOT);
        Matcher lang = IN_LANG.matcher(p);
        if (p.contains("same_as")) {
            return "same_as";
        }
        if (p.contains("asks") || p.contains("an ask")) {
            return "asks" + (lang.find() ? "." + lang.group(1) : "");
        }
        for (FieldRule f : FIELDS) {
            if (f.about().test(p)) {
                return f.field();
            }
        }
        return null;
    }

    /** The validator's problems from a moderation result ("mod.invalid" carries them one a line). */
    static List<String> problems(String joined) {
        return joined == null ? List.of() : Arrays.stream(joined.split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.replaceFirst("^[^:]*\\.yaml(:\\d+)?: ", "")).toList();
    }

    static String oneLine(String s) {
        return clip(s).replaceAll("\\s+", " ").strip();
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace("\r\n", "\n").replace('\r', '\n');
        return t.length() > MAX_FIELD ? t.substring(0, MAX_FIELD) : t;
    }

    private static void putIfAny(Map<Lang, String> m, Lang l, String s) {
        if (s != null && !s.isBlank()) {
            m.put(l, s.strip());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
