package qantar.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.search.Analyzers;
import qantar.store.CorpusStore;
import qantar.store.Sha256;

/**
 * The import of knowledge/ at start: skipped when the folder is as it was at the last import,
 * noticed by a cheap stamp of names, sizes and times first and by a digest of the bytes second.
 */
final class KnowledgeImport {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Qantar.class);
    /** Files modified this recently are read even if their stamp is unchanged (see {@link #stamp}). */
    static final Duration RECENT = Duration.ofSeconds(2);

    private KnowledgeImport() {
    }

    /**
     * Imports knowledge/ if its files changed since the last import. Invalid files are never imported,
     * not even partly: with a corpus already in the database the program keeps serving that last good
     * corpus and logs every problem with its file and line (see {@link Qantar#corpusProblems}); with none,
     * there is nothing to answer from and opening fails. {@code digestRead}: the folder's digest when
     * the caller has just computed it (null: computed here when needed).
     */
    static List<String> ifChanged(Path knowledgeDir, CorpusStore corpusStore, Progress progress, String digestRead) {
        if (knowledgeDir == null || !Files.isDirectory(knowledgeDir)) {
            return List.of();
        }
        // Names, sizes and modification times first: when none changed, the files are not read at all.
        String stamp = stamp(knowledgeDir);
        String known = corpusStore.meta("knowledge_digest");
        if (known != null && stamp != null && stamp.equals(corpusStore.meta("knowledge_stamp"))) {
            return List.of();
        }
        // The files changed: an index update very likely follows, and it needs ICU, started meanwhile on the other core.
        Analyzers.prepareTranslit();
        String digest = digestRead != null ? digestRead : digest(knowledgeDir);
        if (digest.equals(known)) {
            corpusStore.putMeta("knowledge_stamp", stamp == null ? "" : stamp);
            return List.of();
        }
        CorpusReader.Result result = CorpusReader.read(knowledgeDir);
        if (!result.ok() && corpusStore.revision() > 0) {
            List<String> problems = result.errors().stream().map(Object::toString).toList();
            LOG.error("knowledge/ has {} problem(s) and was not imported; answering from the last good corpus (revision {})",
                    problems.size(), corpusStore.revision());
            problems.forEach(p -> LOG.error("  {}", p));
            return problems;
        }
        Corpus read = result.orThrow();
        IntConsumer bar = progress.start("Importing", read.passages().size());
        var report = corpusStore.importCorpus(read, "import of knowledge/", bar);
        // Moderators' versions win over knowledge/; say so, or an edit to a file seems to be ignored.
        report.conflicts().forEach(id -> LOG.warn("passage {} was changed by moderators since the last import; "
                + "its version in knowledge/ was not applied", id));
        corpusStore.putMeta("knowledge_digest", digest);
        corpusStore.putMeta("knowledge_stamp", stamp == null ? "" : stamp);
        return List.of();
    }

    /**
     * A digest of every file's name, size and modification time (to the nanosecond where the file
     * system keeps it), or null when a file was modified in the last {@link #RECENT}: a file changed
     * again within the same clock tick would keep its time, so such a stamp is not trusted, and the
     * next start reads the files.
     */
    static String stamp(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest md = Sha256.digest();
            long recent = System.currentTimeMillis() - RECENT.toMillis();
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                var attrs = Files.readAttributes(f, BasicFileAttributes.class);
                FileTime modified = attrs.lastModifiedTime();
                if (modified.toMillis() >= recent) {
                    return null;
                }
                md.update((dir.relativize(f) + "\u0000" + attrs.size() + "\u0000"
                        + modified.to(TimeUnit.NANOSECONDS) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /** A digest of every file name and byte under the folder, to notice any change. */
    static String digest(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest md = Sha256.digest();
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            for (Path f : sorted) {
                md.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }
}
