package qantar.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import qantar.store.Folders;
import qantar.testing.Fixture;

/**
 * A data folder with {@link TestCorpus}'s corpus (no timeline) migrated, imported and indexed, made
 * once per test JVM. A bot test on exactly that corpus starts from a copy of it, as the bot starts
 * after a restart with knowledge/ unchanged, instead of migrating, importing and indexing again;
 * a test with another corpus, or with a data folder it prepared itself, starts as it always did.
 */
final class Seed {
    private static Path dir;

    private Seed() {
    }

    /** Copies the seeded data folder to {@code data} when {@code data} does not exist yet and {@code knowledge} is the seed's corpus. */
    static synchronized void copyTo(Path data, Path knowledge) {
        if (Files.exists(data)) {
            return;
        }
        if (dir == null) {
            dir = create();
        }
        if (sameFiles(dir.resolve("knowledge"), knowledge)) {
            Fixture.copyTree(dir.resolve("data"), data);
        }
    }

    private static Path create() {
        try {
            Path d = Files.createTempDirectory("qantar-bot-seed");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Folders.delete(d);
                } catch (IOException ignored) {
                    // a temporary folder left behind: the system's to clean
                }
            }));
            Path knowledge = TestCorpus.write(d.resolve("knowledge"), false);
            BotHarness.open(d.resolve("data"), knowledge).close();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether both folders hold the same files, byte for byte. */
    private static boolean sameFiles(Path a, Path b) {
        try {
            List<Path> inA = files(a);
            if (!inA.equals(files(b))) {
                return false;
            }
            for (Path f : inA) {
                if (!Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
