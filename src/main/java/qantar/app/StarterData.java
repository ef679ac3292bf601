package qantar.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import qantar.config.Locations;
import qantar.search.Embedder;
import qantar.store.Database;
import qantar.store.Folders;

/**
 * A data folder made at build time from the shipped knowledge/ (the SQLite database with the corpus
 * imported, and its index with vectors), packed into the jar. A first start on an empty data folder
 * whose knowledge/ is byte for byte the one it was made from unpacks it instead of importing and
 * indexing (most of a first start); any other knowledge/, store or model takes the ordinary path,
 * and a folder made by another version is brought up to date as any data folder would be (schema
 * migrations, an index of another format rebuilt).
 */
public final class StarterData {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StarterData.class);
    static final String RESOURCE = "/starter/data.zip";
    private static final String DIGEST = "knowledge-digest";
    private static final String DB = "qantar.db";
    private static final String INDEX = "index";

    private StarterData() {
    }

    /**
     * Unpacks the starter into {@code dataDir} when it holds neither database nor index, the store is
     * SQLite there, and knowledge/ is the one the starter was made from. Returns that knowledge
     * digest when it did (so the import check need not read knowledge/ again), null when not.
     */
    static String restoreIfNew(Path dataDir, Database.Location store, Path knowledgeDir) {
        if (knowledgeDir == null || !store.equals(Database.Location.sqlite(dataDir))
                || Files.exists(dataDir.resolve(DB)) || Files.exists(dataDir.resolve(INDEX))) {
            return null;
        }
        InputStream in = StarterData.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            return null;
        }
        try (ZipInputStream zip = new ZipInputStream(in)) {
            // The digest is the first entry: a start on other knowledge/ reads and writes nothing more.
            ZipEntry first = zip.getNextEntry();
            String digest = KnowledgeImport.digest(knowledgeDir);
            if (first == null || !first.getName().equals(DIGEST)
                    || !new String(zip.readAllBytes(), StandardCharsets.UTF_8).equals(digest)) {
                return null;
            }
            Files.createDirectories(dataDir);
            Path tmp = Files.createTempDirectory(dataDir, ".starter-");
            try {
                unzip(zip, tmp);
                // The index first, the database last: a database present means the folder is whole.
                Files.move(tmp.resolve(INDEX), dataDir.resolve(INDEX), StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp.resolve(DB), dataDir.resolve(DB), StandardCopyOption.ATOMIC_MOVE);
                return digest;
            } catch (FileAlreadyExistsException e) {
                return null; // another process started on the same folder at the same moment
            } finally {
                Folders.delete(tmp);
            }
        } catch (IOException e) {
            LOG.warn("the starter data could not be unpacked ({}); importing knowledge/ instead", e.toString());
            return null;
        }
    }

    /** The zip's remaining entries into {@code dir}. */
    private static void unzip(ZipInputStream zip, Path dir) throws IOException {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            Path to = dir.resolve(e.getName()).normalize();
            if (to.startsWith(dir) && !e.isDirectory()) {
                Files.createDirectories(to.getParent());
                Files.copy(zip, to);
            }
        }
    }

    /**
     * Makes the starter: opens a fresh data folder on knowledge/ and config/ (importing and indexing
     * with the default embedding model) and packs its database and index with the knowledge digest.
     * Arguments: the knowledge folder, the config folder and the zip to write.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: StarterData KNOWLEDGE_DIR CONFIG_DIR OUT.zip");
        }
        Path knowledge = Path.of(args[0]);
        Path out = Path.of(args[2]);
        Files.deleteIfExists(out); // it is on the class path: opening must not start from the last one
        Path data = Files.createTempDirectory("qantar-starter-");
        try {
            Optional<Embedder> model = Embedder.fromSetting(Locations.setting("QANTAR_VECTORS"));
            try (Qantar app = Qantar.open(data, Database.Location.sqlite(data), knowledge, Path.of(args[1]), Progress.NONE, model)) {
                if (!app.corpusProblems().isEmpty()) {
                    throw new IllegalStateException("knowledge/ has problems: " + app.corpusProblems());
                }
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            Path part = out.resolveSibling(out.getFileName() + ".part");
            try (OutputStream os = Files.newOutputStream(part); ZipOutputStream zip = new ZipOutputStream(os)) {
                zip.putNextEntry(new ZipEntry(DIGEST)); // first (see restoreIfNew)
                zip.write(KnowledgeImport.digest(knowledge).getBytes(StandardCharsets.UTF_8));
                for (Path f : files(data)) {
                    zip.putNextEntry(new ZipEntry(data.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, zip);
                }
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Folders.delete(data);
        }
    }

    /** The database and the index files, without the lock file and SQLite's leftovers. */
    private static List<Path> files(Path data) throws IOException {
        try (Stream<Path> all = Files.walk(data)) {
            return all.filter(Files::isRegularFile).filter(f -> {
                String rel = data.relativize(f).toString().replace('\\', '/');
                return rel.equals(DB) || rel.startsWith(INDEX + "/") && !rel.endsWith("write.lock");
            }).sorted().toList();
        }
    }
}
