package qantar.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads SnakeYAML's node tree (not Java objects) so that every value keeps its line number and
 * nothing is coerced: "n/d", "no" and 2022-01-07 all stay the strings the author wrote.
 */
final class YamlNodes {
    private static final Pattern DATE = Pattern.compile("(≈)?(\\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?|n/d");
    private final String file;
    private final List<Problem> problems;

    YamlNodes(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    String file() {
        return file;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    void error(Node at, String message) {
        problems.add(new Problem(file, at == null ? 0 : line(at), Problem.Severity.ERROR, message));
    }

    void warning(Node at, String message) {
        problems.add(new Problem(file, at == null ? 0 : line(at), Problem.Severity.WARNING, message));
    }

    /** The mapping's entries by key; reports duplicate and unknown keys. Null if the node is no mapping. */
    Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            error(node, what + " must be a mapping of fields");
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                error(t.getKeyNode(), "field names must be plain words");
                continue;
            }
            String key = k.getValue();
            if (out.containsKey(key)) {
                error(k, "duplicate field '" + key + "' in " + what);
            } else if (allowed != null && !allowed.contains(key)) {
                error(k, "unknown field '" + key + "' in " + what + " (allowed: " + String.join(", ", allowed) + ")");
            } else {
                out.put(key, t.getValueNode());
            }
        }
        return out;
    }

    List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        error(node, what + " must be a list");
        return List.of();
    }

    /** A scalar field's trimmed text; reports a missing or empty required field against {@code owner}. */
    String text(Map<String, Node> fields, String key, Node owner, boolean required) {
        Node n = fields.get(key);
        if (n == null) {
            if (required) {
                error(owner, "missing " + key);
            }
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            error(n, key + " must be a single value");
            return null;
        }
        String v = s.getValue().strip();
        if (v.isEmpty()) {
            if (required) {
                error(n, "empty " + key);
            }
            return null;
        }
        return v;
    }

    List<String> textList(Map<String, Node> fields, String key, Node owner) {
        Node n = fields.get(key);
        if (n == null) {
            error(owner, "missing " + key);
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node item : sequence(n, key)) {
            if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                out.add(s.getValue().strip());
            } else {
                error(item, "each item of " + key + " must be a non-empty value");
            }
        }
        return out;
    }

    /** A map from passage language to text ({ru: ..., en: ..., kk: ...}). */
    Map<Lang, String> langMap(Node n, String what) {
        Map<Lang, String> out = new LinkedHashMap<>();
        forEachLang(n, what, (lang, v) -> {
            String text = v instanceof ScalarNode s ? s.getValue().strip() : null;
            if (text == null || text.isEmpty()) {
                error(v, "empty " + what + " in " + lang.code());
            } else {
                out.put(lang, text);
            }
        });
        return out;
    }

    /** A map from passage language to a list of texts ({ru: [..], en: [..], kk: [..]}). */
    Map<Lang, List<String>> langLists(Node n, String what) {
        Map<Lang, List<String>> out = new LinkedHashMap<>();
        forEachLang(n, what, (lang, v) -> {
            List<String> items = new ArrayList<>();
            for (Node item : sequence(v, what + " in " + lang.code())) {
                if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                    items.add(s.getValue().strip());
                } else {
                    error(item, "each item of " + what + " must be a non-empty text");
                }
            }
            out.put(lang, items);
        });
        return out;
    }

    /** Each entry of a mapping keyed by language; an unknown language is an error on its line. */
    private void forEachLang(Node n, String what, java.util.function.BiConsumer<Lang, Node> each) {
        Map<String, Node> fields = mapping(n, what, null);
        if (fields == null) {
            return;
        }
        for (var e : fields.entrySet()) {
            var lang = Lang.fromCode(e.getKey());
            if (lang.isEmpty()) {
                error(e.getValue(), "unknown language '" + e.getKey() + "' in " + what + " (use ru, en or kk)");
            } else {
                each.accept(lang.get(), e.getValue());
            }
        }
    }

    /** An optional true/false field, false when absent; anything else is an error (and reads as false). */
    boolean bool(Map<String, Node> f, String key) {
        String v = text(f, key, null, false);
        if (v == null) {
            return false;
        }
        if (!v.equals("true") && !v.equals("false")) {
            error(f.get(key), key + " must be true or false");
        }
        return v.equals("true");
    }

    /** A date as the corpus writes them (YYYY, YYYY-MM, YYYY-MM-DD, optionally ≈, or n/d); null if absent or bad. */
    String date(Map<String, Node> f, String key, Node owner, boolean required) {
        String v = text(f, key, owner, required);
        if (v != null && !DATE.matcher(v).matches()) {
            error(f.get(key), "bad " + key + " '" + v + "' (use YYYY, YYYY-MM or YYYY-MM-DD, optionally with ≈, or n/d)");
            return null;
        }
        return v;
    }

    /** The required side field of a source or passage; an unknown id is an error on its line. */
    Side side(Map<String, Node> f, Node owner, String whose) {
        String id = text(f, "side", owner, true);
        if (id == null) {
            return null;
        }
        Side side = Side.fromId(id).orElse(null);
        if (side == null) {
            error(f.get("side"), "unknown side '" + id + "'" + whose + " (use one of: " + Side.allIds() + ")");
        }
        return side;
    }
}
