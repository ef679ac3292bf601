package qantar.corpus;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reading corpus files, from a folder or as text a moderator uploaded: the same limits and the
 * same YAML parsing for both, each refusal a {@link Problem} naming the file and line.
 */
public final class CorpusFiles {
    /** A corpus file is text written by hand: the largest (the dev set) is a quarter of a megabyte. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    /** A line longer than this is no passage text (the longest real one is under 2,000 characters). */
    static final int MAX_LINE_CHARS = 20_000;

    private CorpusFiles() {
    }

    /** The .yaml files of a folder in name order; a .yml file is an error, not silently left out. */
    static List<Path> listYaml(Path dir, List<Problem> problems) {
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

    /** The name problems give a file of the folder: the folder's own name, then the path inside it. */
    static String relative(Path dir, Path f) {
        return (dir.getFileName() == null ? "" : dir.getFileName() + "/") + dir.relativize(f).toString().replace('\\', '/');
    }

    /** The items of a folder file that holds one YAML list, and the reader of their fields. */
    record ListFile(YamlNodes y, List<Node> items) {
        /** Each item that is a mapping of (at most) {@code keys}, as {@code item} reads it; one it reads as null is left out. */
        <T> List<T> each(String itemName, Set<String> keys, BiFunction<Map<String, Node>, Node, T> item) {
            List<T> out = new ArrayList<>();
            for (Node node : items) {
                Map<String, Node> f = y.mapping(node, itemName, keys);
                T t = f == null ? null : item.apply(f, node);
                if (t != null) {
                    out.add(t);
                }
            }
            return out;
        }
    }

    /**
     * The items of {@code fileName} in the folder: none when it is absent (an error if it is
     * {@code required}), unreadable or not a list, each with its problem.
     */
    static ListFile list(Path dir, String fileName, String what, boolean required, List<Problem> problems) {
        Path file = dir.resolve(fileName);
        String name = relative(dir, file);
        if (!Files.exists(file)) {
            if (required) {
                problems.add(new Problem(name, 0, Problem.Severity.ERROR, "missing " + fileName));
            }
            return new ListFile(null, List.of());
        }
        Node root = read(dir, file, problems);
        if (root == null) {
            return new ListFile(null, List.of());
        }
        YamlNodes y = new YamlNodes(name, problems);
        return new ListFile(y, y.sequence(root, what));
    }

    /** The root node of a file of the folder {@code dir}, or null with the problems that kept it from being read. */
    static Node read(Path dir, Path file, List<Problem> problems) {
        String name = relative(dir, file);
        return parse(name, readText(file, name, problems), problems);
    }

    /** The root node of a file given as its path and the name problems call it by, as {@link #read} reads it. */
    public static Node read(Path file, String name, List<Problem> problems) {
        return parse(name, readText(file, name, problems), problems);
    }

    /**
     * The file as UTF-8 text, or null with a problem naming the line: bytes that are not UTF-8, a
     * line past {@link #MAX_LINE_CHARS}, or a file past {@link #MAX_FILE_BYTES} are refused before
     * any parsing (a 10 MB value would otherwise take the YAML parser most of a minute).
     */
    static String readText(Path f, String name, List<Problem> problems) {
        byte[] bytes;
        try {
            if (Files.size(f) > 16 * MAX_FILE_BYTES) {
                problems.add(tooBig(name, Files.size(f)));
                return null;
            }
            bytes = Files.readAllBytes(f); // read (quickly) even when too big, to name the line at fault
        } catch (IOException e) {
            problems.add(new Problem(name, 0, Problem.Severity.ERROR, "cannot read: " + e.getMessage()));
            return null;
        }
        CharBuffer text = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, text, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            problems.add(new Problem(name, line, Problem.Severity.ERROR, "not UTF-8 text (byte " + (in.position() + 1) + ")"));
            return null;
        }
        String s = text.flip().toString();
        if (!linesFit(name, s, problems)) {
            return null;
        }
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(tooBig(name, bytes.length));
            return null;
        }
        return s;
    }

    /** The text itself (as uploaded), or null with a problem when it breaks a limit that a file of the folder may not. */
    static String checkText(String name, String content, List<Problem> problems) {
        if (content == null || !linesFit(name, content, problems)) {
            return null;
        }
        long bytes = content.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_FILE_BYTES) {
            problems.add(tooBig(name, bytes));
            return null;
        }
        return content;
    }

    /** False, with a problem naming the first line past {@link #MAX_LINE_CHARS}, if there is one. */
    private static boolean linesFit(String name, String s, List<Problem> problems) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    problems.add(new Problem(name, line, Problem.Severity.ERROR, "a line of " + (i - start)
                            + " characters; at most " + MAX_LINE_CHARS));
                    return false;
                }
                line++;
                start = i + 1;
            }
        }
        return true;
    }

    private static Problem tooBig(String name, long bytes) {
        return new Problem(name, 0, Problem.Severity.ERROR, "the file is " + bytes
                + " bytes, more than a corpus file can be (" + MAX_FILE_BYTES + ")");
    }

    /** The YAML node tree of the text (null text: already refused), or null with a problem naming the line. */
    static Node parse(String file, String content, List<Problem> problems) {
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
}
