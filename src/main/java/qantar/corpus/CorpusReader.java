package qantar.corpus;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a knowledge/ folder. Validation collects every problem with its file and
 * line instead of stopping at the first, so an author can fix a file in one pass.
 */
public final class CorpusReader {
    public static final int MAX_QUOTE_WORDS = 25;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");
    private static final Pattern DATE = Pattern.compile("(≈)?(\\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?|n/d");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Set<String> SOURCE_FIELDS =
            Set.of("id", "title", "publisher", "date", "url", "language", "mirror_of", "note", "side", "passages");
    private static final Set<String> PASSAGE_FIELDS =
            Set.of("id", "side", "speaker", "topics", "text", "original", "quote", "said", "caution", "asks", "same_as");
    /** Questions a passage answers, per language it has a text in. */
    public static final int MIN_ASKS = 2;
    public static final int MAX_ASKS = 6;
    public static final int MAX_ASK_CHARS = 200;
    private static final Pattern HRW_NAMED = Pattern.compile("(?i)human rights watch|\\bHRW\\b");

    /** What was read, and every problem found. The corpus is complete only when there are no errors. */
    public record Result(Corpus corpus, List<Problem> problems) {
        public List<Problem> errors() {
            return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        }

        public boolean ok() {
            return errors().isEmpty();
        }

        /** The corpus, or an exception listing every error: nothing invalid is ever used. */
        public Corpus orThrow() {
            if (!ok()) {
                throw new CorpusException(errors());
            }
            return corpus;
        }
    }

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> sourceIdsAt = new HashMap<>();
    private final Map<String, String> passageIdsAt = new HashMap<>();
    private Set<String> topicIds = Set.of();
    /** same_as references, checked once every passage is known. */
    private final List<ClusterRef> clusterRefs = new ArrayList<>();

    private record ClusterRef(String passage, String target, String file, int line) {
    }

    private CorpusReader() {
    }

    /** Reads a whole knowledge folder. */
    public static Result read(Path dir) {
        CorpusReader r = new CorpusReader();
        if (!Files.isDirectory(dir)) {
            r.problems.add(new Problem(dir.toString(), 0, Problem.Severity.ERROR, "no such directory"));
            return new Result(new Corpus(List.of(), List.of(), List.of(), List.of(), List.of()), r.problems);
        }
        List<Topic> topics = r.readTopics(dir, dir.resolve("topics.yaml"));
        r.topicIds = new HashSet<>(topics.stream().map(Topic::id).toList());
        List<GlossaryGroup> glossary = r.readGlossary(dir, dir.resolve("glossary.yaml"));
        List<Source> sources = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        Path sourcesDir = dir.resolve("sources");
        if (!Files.isDirectory(sourcesDir)) {
            r.problems.add(new Problem(sourcesDir.toString(), 0, Problem.Severity.ERROR, "no sources directory"));
        } else {
            for (Path f : listYaml(sourcesDir, r.problems)) {
                r.readSourceFile(relative(dir, f), readText(f, relative(dir, f), r.problems), sources, passages);
            }
        }
        List<TimelineItem> timeline = r.readTimeline(dir, dir.resolve("timeline.yaml"), passages);
        r.checkClusters(passages, Map.of());
        return new Result(new Corpus(sources, passages, topics, glossary, timeline), r.problems);
    }

    /**
     * Reads one source file given as text (e.g. uploaded by a moderator), checking its ids against
     * those already taken.
     */
    public static Result readSource(String fileName, String content, Set<String> topicIds,
                                    Set<String> takenSourceIds, Set<String> takenPassageIds) {
        return readSource(fileName, content, topicIds, takenSourceIds, takenPassageIds, Map.of());
    }

    /** As above; {@code livePassages} are the passages a same_as in the file may name. */
    public static Result readSource(String fileName, String content, Set<String> topicIds,
                                    Set<String> takenSourceIds, Set<String> takenPassageIds, Map<String, Passage> livePassages) {
        CorpusReader r = new CorpusReader();
        r.topicIds = topicIds;
        takenSourceIds.forEach(id -> r.sourceIdsAt.put(id, "the live corpus"));
        takenPassageIds.forEach(id -> r.passageIdsAt.put(id, "the live corpus"));
        List<Source> sources = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        r.readSourceFile(fileName, content, sources, passages);
        r.checkClusters(passages, livePassages);
        return new Result(new Corpus(sources, passages, List.of(), List.of(), List.of()), r.problems);
    }

    /**
     * A same_as names the first passage of its cluster: one that exists, of the same side (a cluster
     * is one side's fact told by several sources), and itself in no other cluster.
     */
    private void checkClusters(List<Passage> read, Map<String, Passage> live) {
        Map<String, Passage> known = new HashMap<>(live);
        read.forEach(p -> known.put(p.id(), p));
        for (ClusterRef ref : clusterRefs) {
            Passage target = known.get(ref.target());
            Passage self = known.get(ref.passage());
            String problem = target == null ? "same_as names an unknown passage '" + ref.target() + "'"
                    : target.sameAs() != null ? "same_as must name the first passage of the cluster: '" + ref.target()
                            + "' is itself same_as '" + target.sameAs() + "'"
                    : self != null && self.side() != target.side() ? "same_as names '" + ref.target() + "' of side "
                            + target.side().id() + "; a cluster keeps to one side"
                    : null;
            if (problem != null) {
                problems.add(new Problem(ref.file(), ref.line(), Problem.Severity.ERROR, problem));
            }
        }
    }

    private static List<Path> listYaml(Path dir, List<Problem> problems) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.sorted().toList();
            // a .yml file would be silently left out: say so, the author meant it as a source
            files.stream().filter(p -> p.getFileName().toString().endsWith(".yml")).forEach(p -> problems.add(new Problem(
                    p.toString(), 0, Problem.Severity.ERROR, "source files end in .yaml; rename " + p.getFileName())));
            return files.stream().filter(p -> p.getFileName().toString().endsWith(".yaml")).toList();
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), 0, Problem.Severity.ERROR, "cannot list: " + e.getMessage()));
            return List.of();
        }
    }

    private static String relative(Path dir, Path f) {
        return (dir.getFileName() == null ? "" : dir.getFileName() + "/") + dir.relativize(f).toString().replace('\\', '/');
    }

    /** A corpus file is text written by hand: the largest (the dev set) is a quarter of a megabyte. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    /** A line longer than this is no passage text (the longest real one is under 2,000 characters). */
    static final int MAX_LINE_CHARS = 20_000;

    /**
     * The file as UTF-8 text, or null with a problem naming the line: bytes that are not UTF-8, a
     * line past {@link #MAX_LINE_CHARS}, or a file past {@link #MAX_FILE_BYTES} are refused before
     * any parsing (a 10 MB value would otherwise take the YAML parser most of a minute).
     */
    private static String readText(Path f, String name, List<Problem> problems) {
        byte[] bytes;
        try {
            if (Files.size(f) > 16 * MAX_FILE_BYTES) {
                problems.add(new Problem(name, 0, Problem.Severity.ERROR, "the file is " + Files.size(f)
                        + " bytes, more than a corpus file can be (" + MAX_FILE_BYTES + ")"));
                return null;
            }
            bytes = Files.readAllBytes(f); // read (quickly) even when too big, to name the line at fault
        } catch (IOException e) {
            problems.add(new Problem(name, 0, Problem.Severity.ERROR, "cannot read: " + e.getMessage()));
            return null;
        }
        java.nio.CharBuffer text = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(in, text, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            problems.add(new Problem(name, line, Problem.Severity.ERROR, "not UTF-8 text (byte " + (in.position() + 1) + ")"));
            return null;
        }
        String s = text.flip().toString();
        int line = 1;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    problems.add(new Problem(name, line, Problem.Severity.ERROR, "a line of " + (i - start)
                            + " characters; at most " + MAX_LINE_CHARS));
                    return null;
                }
                line++;
                start = i + 1;
            }
        }
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(new Problem(name, 0, Problem.Severity.ERROR, "the file is " + bytes.length
                    + " bytes, more than a corpus file can be (" + MAX_FILE_BYTES + ")"));
            return null;
        }
        return s;
    }

    private Node parse(String file, String content) {
        if (content == null) {
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(8 * 1024 * 1024);
        try (Reader reader = new StringReader(content)) {
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                problems.add(new Problem(file, 1, Problem.Severity.ERROR, "the file is empty"));
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problems.add(new Problem(file, line, Problem.Severity.ERROR, "not valid YAML: " + e.getProblem()));
        } catch (YAMLException | IOException e) {
            problems.add(new Problem(file, 0, Problem.Severity.ERROR, "not valid YAML: " + e.getMessage()));
        }
        return null;
    }

    private void readSourceFile(String file, String content, List<Source> sources, List<Passage> passages) {
        Node root = parse(file, content);
        if (root == null) {
            return;
        }
        YamlNodes y = new YamlNodes(file, problems);
        Map<String, Node> f = y.mapping(root, "a source", SOURCE_FIELDS);
        if (f == null) {
            return;
        }
        String id = y.text(f, "id", root, true);
        if (id != null) {
            if (!ID.matcher(id).matches()) {
                y.error(f.get("id"), "id '" + id + "' must be lowercase letters, digits and '-', at most 48 characters");
            } else if (sourceIdsAt.containsKey(id)) {
                y.error(f.get("id"), "duplicate source id '" + id + "' (also in " + sourceIdsAt.get(id) + ")");
            } else {
                sourceIdsAt.put(id, file + ":" + YamlNodes.line(f.get("id")));
            }
            String base = file.substring(file.lastIndexOf('/') + 1);
            if (base.endsWith(".yaml") && !base.equals(id + ".yaml")) {
                y.warning(f.get("id"), "id '" + id + "' differs from the file name " + base);
            }
        }
        String title = y.text(f, "title", root, true);
        String publisher = y.text(f, "publisher", root, true);
        String date = date(y, f, "date", root, true);
        String url = y.text(f, "url", root, true);
        if (url != null && !URL.matcher(url).matches()) {
            y.error(f.get("url"), "url must start with http:// or https:// and contain no spaces");
        }
        String language = y.text(f, "language", root, true);
        if (language != null && !Lang.SOURCE_LANGUAGES.contains(language)) {
            y.error(f.get("language"), "unknown language '" + language + "' (known: "
                    + String.join(", ", Lang.SOURCE_LANGUAGES.stream().sorted().toList()) + ")");
            language = null;
        }
        Side kind = side(y, f, root, " of the publisher");
        Source source = new Source(id, title, publisher, date, url, language,
                y.text(f, "mirror_of", root, false), y.text(f, "note", root, false), kind);
        List<Node> items = f.containsKey("passages") ? y.sequence(f.get("passages"), "passages") : List.of();
        if (items.isEmpty()) {
            y.error(f.getOrDefault("passages", root), "a source needs at least one passage");
        }
        int errorsBefore = errorCount();
        List<Passage> read = new ArrayList<>();
        for (Node item : items) {
            Passage p = readPassage(y, item, source);
            if (p != null) {
                read.add(p);
            }
        }
        if (errorCount() == errorsBefore && id != null) {
            sources.add(source);
            passages.addAll(read);
        }
    }

    private int errorCount() {
        return (int) problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
    }

    private Passage readPassage(YamlNodes y, Node node, Source source) {
        Map<String, Node> f = y.mapping(node, "a passage", PASSAGE_FIELDS);
        if (f == null) {
            return null;
        }
        String id = y.text(f, "id", node, true);
        if (id != null) {
            if (!ID.matcher(id).matches()) {
                y.error(f.get("id"), "passage id '" + id + "' must be lowercase letters, digits and '-', at most 48 characters");
            } else if (passageIdsAt.containsKey(id)) {
                y.error(f.get("id"), "duplicate passage id '" + id + "' (also in " + passageIdsAt.get(id) + ")");
            } else {
                passageIdsAt.put(id, y.file() + ":" + YamlNodes.line(f.get("id")));
            }
        }
        Side side = side(y, f, node, "");
        Map<Lang, String> speakers = speakers(y, f, node);
        String speaker = speakers.get(Lang.EN);
        List<String> topics = y.textList(f, "topics", node);
        for (String topic : topics) {
            if (!topicIds.contains(topic)) {
                y.error(f.get("topics"), "unknown topic '" + topic + "' (see topics.yaml)");
            }
        }
        if (f.containsKey("topics") && topics.isEmpty()) {
            y.error(f.get("topics"), "a passage needs at least one topic");
        }
        Map<Lang, String> texts = f.containsKey("text") ? y.langMap(f.get("text"), "text") : new LinkedHashMap<>();
        if (!f.containsKey("text")) {
            y.error(node, "missing text");
        } else if (texts.isEmpty()) {
            y.error(f.get("text"), "empty text");
        }
        Lang original = null;
        String originalCode = y.text(f, "original", node, false);
        if (originalCode != null) {
            original = Lang.fromCode(originalCode).orElse(null);
            if (original == null) {
                y.error(f.get("original"), "unknown language '" + originalCode + "' for original (use ru, en or kk)");
            } else if (!texts.containsKey(original)) {
                y.error(f.get("original"), "original is '" + originalCode + "' but there is no text in that language");
            } else if (source.language() != null && !originalCode.equals(source.language())) {
                y.error(f.get("original"), "original is '" + originalCode + "' but the source is in '" + source.language() + "'");
            }
        } else if (source.language() != null && Lang.fromCode(source.language()).isPresent()
                && texts.containsKey(Lang.fromCode(source.language()).get())) {
            y.warning(node, "passage " + id + " has a " + source.language()
                    + " text but no 'original': it will be shown as a translation");
        }
        boolean quote = bool(y, f, "quote");
        if (quote) {
            if (original == null) {
                y.error(f.getOrDefault("quote", node), "a quote needs its original-language text ('original')");
            } else if (texts.containsKey(original)) {
                int words = words(texts.get(original));
                if (words > MAX_QUOTE_WORDS) {
                    y.error(f.get("text"), "quote of " + words + " words; at most " + MAX_QUOTE_WORDS + " are allowed");
                }
            }
        }
        String said = date(y, f, "said", node, false);
        Map<Lang, String> caution = f.containsKey("caution") ? y.langMap(f.get("caution"), "caution") : Map.of();
        for (Lang l : List.of(Lang.RU, Lang.EN)) {
            if (!texts.isEmpty() && !texts.containsKey(l)) {
                y.warning(f.get("text"), "passage " + id + " has no " + l.code() + " text");
            }
        }
        Map<Lang, List<String>> asks = asks(y, f, node, texts);
        String sameAs = y.text(f, "same_as", node, false);
        if (sameAs != null) {
            if (sameAs.equals(id)) {
                y.error(f.get("same_as"), "same_as names the passage itself");
            } else {
                clusterRefs.add(new ClusterRef(id, sameAs, y.file(), YamlNodes.line(f.get("same_as"))));
            }
        }
        if (id == null || side == null || speaker == null || texts.isEmpty()) {
            return null;
        }
        if (side != null && side != Side.HRW && speaker != null && HRW_NAMED.matcher(speaker).find()
                && !speaker.toLowerCase(java.util.Locale.ROOT).contains("cited by")) {
            y.warning(f.get("speaker"), "speaker '" + speaker + "' names Human Rights Watch under side " + side.id()
                    + ": check the side of who says it (knowledge/README.md)");
        }
        return new Passage(id, source.id(), side, speaker, topics, texts, original, quote, said, caution, asks, sameAs, speakers);
    }

    /** The required side field of a source or passage; an unknown id is an error on its line. */
    private static Side side(YamlNodes y, Map<String, Node> f, Node owner, String whose) {
        String id = y.text(f, "side", owner, true);
        if (id == null) {
            return null;
        }
        Side side = Side.fromId(id).orElse(null);
        if (side == null) {
            y.error(f.get("side"), "unknown side '" + id + "'" + whose + " (use one of: " + Side.allIds() + ")");
        }
        return side;
    }

    /**
     * The speaker in ru, kk and en: a map of the three, each required, so every answer names the
     * speaker in its own language.
     */
    private Map<Lang, String> speakers(YamlNodes y, Map<String, Node> f, Node node) {
        Node n = f.get("speaker");
        if (n == null) {
            y.error(node, "missing speaker");
            return Map.of();
        }
        if (n instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
            y.error(n, "speaker needs its ru, kk and en forms: speaker: {en: ..., ru: ..., kk: ...}");
            String v = y.text(f, "speaker", node, true);
            return v == null ? Map.of() : Map.of(Lang.EN, v);
        }
        Map<Lang, String> forms = y.langMap(n, "speaker");
        for (Lang l : Lang.values()) {
            if (!forms.isEmpty() && !forms.containsKey(l)) {
                y.error(n, "speaker has no " + l.code() + " form");
            }
        }
        return forms;
    }

    /** Every language the passage has a text in needs its questions: a passage is found by what it answers. */
    private Map<Lang, List<String>> asks(YamlNodes y, Map<String, Node> f, Node node, Map<Lang, String> texts) {
        if (!f.containsKey("asks")) {
            y.error(node, "missing asks (" + MIN_ASKS + " to " + MAX_ASKS + " questions the passage answers, per language of its text)");
            return Map.of();
        }
        Map<Lang, List<String>> asks = y.langLists(f.get("asks"), "asks");
        for (Lang l : texts.keySet()) {
            int n = asks.getOrDefault(l, List.of()).size();
            if (n < MIN_ASKS || n > MAX_ASKS) {
                y.error(f.get("asks"), "asks in " + l.code() + ": " + n + " questions; " + MIN_ASKS + " to " + MAX_ASKS + " are needed");
            }
        }
        asks.forEach((l, qs) -> qs.stream().filter(q -> q.length() > MAX_ASK_CHARS).findFirst().ifPresent(q ->
                y.error(f.get("asks"), "an ask in " + l.code() + " is longer than " + MAX_ASK_CHARS + " characters")));
        return asks;
    }

    private boolean bool(YamlNodes y, Map<String, Node> f, String key) {
        String v = y.text(f, key, null, false);
        if (v == null) {
            return false;
        }
        if (!v.equals("true") && !v.equals("false")) {
            y.error(f.get(key), key + " must be true or false");
        }
        return v.equals("true");
    }

    private String date(YamlNodes y, Map<String, Node> f, String key, Node owner, boolean required) {
        String v = y.text(f, key, owner, required);
        if (v != null && !DATE.matcher(v).matches()) {
            y.error(f.get(key), "bad " + key + " '" + v + "' (use YYYY, YYYY-MM or YYYY-MM-DD, optionally with ≈, or n/d)");
            return null;
        }
        return v;
    }

    /** Counts words as runs that hold a letter or digit, so dashes and quotation marks do not count. */
    public static int words(String text) {
        int n = 0;
        for (String w : text.strip().split("\\s+")) {
            if (w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                n++;
            }
        }
        return n;
    }

    private List<Topic> readTopics(Path dir, Path file) {
        String name = relative(dir, file);
        if (!Files.exists(file)) {
            problems.add(new Problem(name, 0, Problem.Severity.ERROR, "missing topics.yaml"));
            return List.of();
        }
        Node root = parse(name, readText(file, name, problems));
        if (root == null) {
            return List.of();
        }
        YamlNodes y = new YamlNodes(name, problems);
        List<Topic> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node item : y.sequence(root, "topics")) {
            Map<String, Node> f = y.mapping(item, "a topic", Set.of("id", "label"));
            if (f == null) {
                continue;
            }
            String id = y.text(f, "id", item, true);
            Map<Lang, String> label = f.containsKey("label") ? y.langMap(f.get("label"), "label") : Map.of();
            if (id != null && !seen.add(id)) {
                y.error(f.get("id"), "duplicate topic '" + id + "'");
            } else if (id != null) {
                out.add(new Topic(id, label));
            }
        }
        return out;
    }

    /** The root node of an optional corpus file, or null when it is absent or unreadable. */
    private Node parseOptional(Path dir, Path file) {
        return Files.exists(file) ? parse(relative(dir, file), readText(file, relative(dir, file), problems)) : null;
    }

    private List<GlossaryGroup> readGlossary(Path dir, Path file) {
        Node root = parseOptional(dir, file);
        if (root == null) {
            return List.of();
        }
        YamlNodes y = new YamlNodes(relative(dir, file), problems);
        List<GlossaryGroup> out = new ArrayList<>();
        for (Node item : y.sequence(root, "glossary")) {
            Map<String, Node> f = y.mapping(item, "a glossary group", Set.of("terms", "anchor", "context"));
            if (f == null) {
                continue;
            }
            List<String> terms = y.textList(f, "terms", item);
            boolean anchor = bool(y, f, "anchor");
            boolean context = bool(y, f, "context");
            if (anchor && context) {
                y.error(item, "a glossary group is an anchor or context, not both");
            }
            if (terms.size() < 2 && !anchor && !context) {
                y.error(item, "a glossary group needs at least two terms (or anchor: true / context: true)");
            }
            out.add(new GlossaryGroup(anchor, context, terms));
        }
        return out;
    }

    private List<TimelineItem> readTimeline(Path dir, Path file, List<Passage> passages) {
        Node root = parseOptional(dir, file);
        if (root == null) {
            return List.of();
        }
        YamlNodes y = new YamlNodes(relative(dir, file), problems);
        Set<String> known = new HashSet<>(passageIdsAt.keySet());
        passages.forEach(p -> known.add(p.id()));
        List<TimelineItem> out = new ArrayList<>();
        for (Node item : y.sequence(root, "timeline")) {
            Map<String, Node> f = y.mapping(item, "a timeline item", Set.of("date", "title", "passages"));
            if (f == null) {
                continue;
            }
            String date = date(y, f, "date", item, true);
            Map<Lang, String> title = f.containsKey("title") ? y.langMap(f.get("title"), "title") : Map.of();
            if (title.isEmpty()) {
                y.error(item, "a timeline item needs a title");
            }
            List<String> ids = y.textList(f, "passages", item);
            for (String id : ids) {
                if (!known.contains(id)) {
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
