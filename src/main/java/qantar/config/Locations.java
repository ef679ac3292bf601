package qantar.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where data, corpus and configuration live. The corpus and configuration are also packed into the
 * jar, so {@code java -jar qantar-bot.jar ask ...} works from any folder; a folder on disk wins.
 */
public final class Locations {
    private Locations() {
    }

    public static Path dataDir() {
        return Path.of(env("QANTAR_DATA_DIR", "data"));
    }

    public static Path knowledgeDir() {
        return dir("QANTAR_KNOWLEDGE_DIR", "knowledge", "topics.yaml");
    }

    public static Path configDir() {
        return dir("QANTAR_CONFIG_DIR", "config", "messages.yaml");
    }

    private static Path dir(String variable, String name, String marker) {
        String set = setting(variable);
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        Path local = Path.of(name);
        if (Files.isRegularFile(local.resolve(marker))) {
            return local;
        }
        return bundled(name + "/" + marker).getParent();
    }

    /** A resource packed into the jar (or the classes folder) as a Path, so folder code can read it. */
    static Path bundled(String resource) {
        URL url = Locations.class.getResource("/" + resource);
        if (url == null) {
            throw new IllegalStateException("no " + resource + " on disk or in the program");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException ignored) {
                    // opened before: Path.of finds it
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read " + resource + " from the program", e);
        }
    }

    static String env(String name, String fallback) {
        String v = setting(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** A setting from the environment; a JVM system property of the same name wins (used by tests). */
    public static String setting(String name) {
        String p = System.getProperty(name);
        return p != null ? p : System.getenv(name);
    }
}
