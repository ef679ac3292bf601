package qantar.moderation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusWriter;
import qantar.store.CorpusStore;
import qantar.store.Folders;

/** The live corpus in the knowledge/ format, as a folder or as one zip. Administrators only. */
public final class Export {
    private final Access access;
    private final CorpusStore store;

    Export(Access access, CorpusStore store) {
        this.access = access;
        this.store = store;
    }

    /** Writes the live corpus into a folder. */
    public Result<Integer> toFolder(long actor, Path dir) {
        return access.act(actor, Role.ADMIN, "export", String.valueOf(dir), () -> {
            Corpus c = store.load();
            try {
                CorpusWriter.write(c, dir);
            } catch (IOException e) {
                return Result.error("mod.export_failed", "why", e.getMessage());
            }
            return Result.ok("mod.exported", c.passages().size(), "sources", c.sources().size(), "passages", c.passages().size());
        });
    }

    /** The same export as one zip file, to send as a document or download. */
    public Result<byte[]> zip(long actor) {
        return access.act(actor, Role.ADMIN, "export", "zip", () -> {
            Corpus c = store.load();
            Path tmp = null;
            try {
                tmp = Files.createTempDirectory("qantar-export");
                CorpusWriter.write(c, tmp);
                return Result.ok("mod.exported", zip(tmp), "sources", c.sources().size(), "passages", c.passages().size());
            } catch (IOException e) {
                return Result.error("mod.export_failed", "why", e.getMessage());
            } finally {
                deleteQuietly(tmp);
            }
        });
    }

    private static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry("knowledge/" + dir.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Folders.delete(dir);
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
