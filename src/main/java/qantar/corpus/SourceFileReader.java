package qantar.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Maps one source file (a source and its passages) to the model; a file with any error adds nothing. */
final class SourceFileReader {
    private static final Set<String> FIELDS =
            Set.of("id", "title", "publisher", "date", "url", "language", "mirror_of", "note", "side", "passages");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final List<Problem> problems;
    private final IdRegistry ids;
    private final PassageReader passageReader;

    SourceFileReader(List<Problem> problems, IdRegistry ids, PassageReader passageReader) {
        this.problems = problems;
        this.ids = ids;
        this.passageReader = passageReader;
    }

    /** Reads the file's root node (null: it could not be parsed) into {@code sources} and {@code passages}. */
    void read(String file, Node root, List<Source> sources, List<Passage> passages) {
        if (root == null) {
            return;
        }
        YamlNodes y = new YamlNodes(file, problems);
        Map<String, Node> f = y.mapping(root, "a source", FIELDS);
        if (f == null) {
            return;
        }
        String id = y.text(f, "id", root, true);
        if (id != null) {
            ids.claimSource(y, f.get("id"), id);
            warnIdDiffersFromFileName(y, f, file, id);
        }
        String title = y.text(f, "title", root, true);
        String publisher = y.text(f, "publisher", root, true);
        String date = y.date(f, "date", root, true);
        String url = y.text(f, "url", root, true);
        if (url != null && !URL.matcher(url).matches()) {
            y.error(f.get("url"), "url must start with http:// or https:// and contain no spaces");
        }
        String language = language(y, f, root);
        Side kind = y.side(f, root, " of the publisher");
        Source source = new Source(id, title, publisher, date, url, language,
                y.text(f, "mirror_of", root, false), y.text(f, "note", root, false), kind);
        List<Node> items = f.containsKey("passages") ? y.sequence(f.get("passages"), "passages") : List.of();
        if (items.isEmpty()) {
            y.error(f.getOrDefault("passages", root), "a source needs at least one passage");
        }
        int errorsBefore = errorCount();
        List<Passage> read = new ArrayList<>();
        for (Node item : items) {
            Passage p = passageReader.read(y, item, source);
            if (p != null) {
                read.add(p);
            }
        }
        if (errorCount() == errorsBefore && id != null) {
            sources.add(source);
            passages.addAll(read);
        }
    }

    private static void warnIdDiffersFromFileName(YamlNodes y, Map<String, Node> f, String file, String id) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        if (base.endsWith(".yaml") && !base.equals(id + ".yaml")) {
            y.warning(f.get("id"), "id '" + id + "' differs from the file name " + base);
        }
    }

    /** The source's language, one of {@link Lang#SOURCE_LANGUAGES}; null (with an error) otherwise. */
    private static String language(YamlNodes y, Map<String, Node> f, Node root) {
        String language = y.text(f, "language", root, true);
        if (language != null && !Lang.SOURCE_LANGUAGES.contains(language)) {
            y.error(f.get("language"), "unknown language '" + language + "' (known: "
                    + String.join(", ", Lang.SOURCE_LANGUAGES.stream().sorted().toList()) + ")");
            return null;
        }
        return language;
    }

    private int errorCount() {
        return (int) problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
    }
}
