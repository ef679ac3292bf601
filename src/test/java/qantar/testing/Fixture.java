package qantar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import qantar.app.Progress;
import qantar.app.Qantar;
import qantar.web.WebSources;

/** The small test corpus under src/test/resources/fixture, copied where a test may change it. */
public final class Fixture {
    private Fixture() {
    }

    public static Path knowledge() {
        return resource("fixture/knowledge");
    }

    public static Path config() {
        return Path.of("config").toAbsolutePath();
    }

    public static Path resource(String name) {
        try {
            return Path.of(Fixture.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of the fixture corpus in {@code target}. */
    public static Path copyKnowledge(Path target) {
        return copyTree(knowledge(), target);
    }

    /** A copy of the folder {@code from} and everything in it at {@code target}. */
    public static Path copyTree(Path from, Path target) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The program on the fixture corpus with its data in {@code dataDir}. */
    public static Qantar open(Path dataDir) {
        return Qantar.open(dataDir, knowledge(), config(), Progress.NONE);
    }

    public static Qantar open(Path dataDir, Path knowledge) {
        return Qantar.open(dataDir, knowledge, config(), Progress.NONE);
    }

    /** What the web pages use of an opened application, as the command line wires it. */
    public static WebSources webSources(Qantar app) {
        return new WebSources(app.answers(), app.texts(), app.database(), app.corpusStore(), app.live()::corpus, app.live()::reload);
    }

    /** Replaces the first occurrence of {@code from} in a file. */
    public static void edit(Path file, String from, String to) {
        try {
            String s = Files.readString(file);
            if (!s.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(file, s.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
