package qantar.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import qantar.corpus.CorpusFiles;
import qantar.corpus.Lang;
import qantar.corpus.Problem;
import qantar.corpus.Side;

/** Reads a question set (YAML list of items); a malformed item is an error naming its line. */
public final class EvalSet {
    private EvalSet() {
    }

    public static List<EvalItem> read(Path file) {
        List<Problem> problems = new ArrayList<>();
        Node root = CorpusFiles.read(file, file.toString(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot read " + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
        if (!(root instanceof SequenceNode items)) {
            throw new IllegalStateException(file + ": expected a list of questions");
        }
        List<EvalItem> out = new ArrayList<>();
        for (Node item : items.getValue()) {
            int line = item.getStartMark().getLine() + 1;
            String where = file.getFileName() + ":" + line + ": ";
            if (!(item instanceof MappingNode m)) {
                throw new IllegalStateException(where + "each item must be a mapping");
            }
            String question = null;
            Lang lang = null;
            boolean outOfScope = false;
            List<Side> sides = new ArrayList<>();
            Map<Side, List<String>> facts = new EnumMap<>(Side.class);
            List<String> passages = new ArrayList<>();
            Map<String, Integer> judged = new java.util.LinkedHashMap<>();
            List<String> core = new ArrayList<>();
            EvalItem.Kind kind = EvalItem.Kind.PLAIN;
            for (NodeTuple t : m.getValue()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                Node v = t.getValueNode();
                switch (key) {
                    case "question" -> question = scalar(v, where);
                    case "lang" -> lang = Lang.fromCode(scalar(v, where)).orElseThrow(() -> new IllegalStateException(where + "unknown lang"));
                    case "out_of_scope" -> outOfScope = Boolean.parseBoolean(scalar(v, where));
                    case "sides" -> list(v, where).forEach(s -> sides.add(side(s, where)));
                    case "passages" -> passages.addAll(list(v, where));
                    case "facts" -> {
                        if (!(v instanceof MappingNode fm)) {
                            throw new IllegalStateException(where + "facts must map sides to key terms");
                        }
                        for (NodeTuple f : fm.getValue()) {
                            facts.put(side(((ScalarNode) f.getKeyNode()).getValue(), where), list(f.getValueNode(), where));
                        }
                    }
                    case "kind" -> kind = kind(scalar(v, where), where);
                    case "core" -> core.addAll(list(v, where));
                    case "judged" -> {
                        if (v instanceof ScalarNode s && s.getValue().isEmpty()) {
                            break; // "judged:" with nothing under it: no passage answers
                        }
                        if (!(v instanceof MappingNode jm)) {
                            throw new IllegalStateException(where + "judged must map passage ids to grades 1 or 2");
                        }
                        for (NodeTuple j : jm.getValue()) {
                            String grade = scalar(j.getValueNode(), where);
                            if (!grade.equals("1") && !grade.equals("2")) {
                                throw new IllegalStateException(where + "grade '" + grade + "' of "
                                        + ((ScalarNode) j.getKeyNode()).getValue() + ": use 1 or 2");
                            }
                            judged.put(((ScalarNode) j.getKeyNode()).getValue(), Integer.parseInt(grade));
                        }
                    }
                    case "note" -> { }
                    default -> throw new IllegalStateException(where + "unknown field '" + key + "'");
                }
            }
            if (question == null || lang == null) {
                throw new IllegalStateException(where + "an item needs question and lang");
            }
            for (String id : core) {
                if (judged.getOrDefault(id, 0) != 2) {
                    throw new IllegalStateException(where + "core passage " + id + " must be judged 2");
                }
            }
            // either says it: the kind, or out_of_scope: true
            if (outOfScope || kind == EvalItem.Kind.OUT_OF_SCOPE) {
                kind = EvalItem.Kind.OUT_OF_SCOPE;
                outOfScope = true;
            }
            out.add(new EvalItem(question, lang, kind, outOfScope, sides, facts, passages, judged, core, line));
        }
        return out;
    }

    private static EvalItem.Kind kind(String id, String where) {
        for (EvalItem.Kind k : EvalItem.Kind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalStateException(where + "unknown kind '" + id + "'");
    }

    private static Side side(String id, String where) {
        return Side.fromId(id).orElseThrow(() -> new IllegalStateException(where + "unknown side '" + id + "'"));
    }

    private static String scalar(Node n, String where) {
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        throw new IllegalStateException(where + "expected a single value");
    }

    private static List<String> list(Node n, String where) {
        if (!(n instanceof SequenceNode s)) {
            throw new IllegalStateException(where + "expected a list");
        }
        return s.getValue().stream().map(x -> scalar(x, where)).toList();
    }
}
