package qantar.telegram;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/** `serve` as a separate process against the fake Bot API, its output in {@code folder}/NAME.out and .err. */
final class ServeProcess {
    private ServeProcess() {
    }

    /** Starts serve on {@code folder}/data, with its web pages on a free port (never one another test holds). */
    static Process launch(FakeBotApi api, Path knowledge, Path folder, String name, Map<String, String> more) throws IOException {
        if (!more.containsKey("QANTAR_DATABASE_URL")) {
            Seed.copyTo(folder.resolve("data"), knowledge); // SQLite: the corpus already imported, as after a restart
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "qantar.cli.Main", "serve");
        Map<String, String> env = pb.environment();
        env.put("TELEGRAM_BOT_TOKEN", BotHarness.TOKEN);
        env.put("TELEGRAM_API_URL", api.url());
        env.put("QANTAR_DATA_DIR", folder.resolve("data").toString());
        env.put("QANTAR_KNOWLEDGE_DIR", knowledge.toString());
        env.put("QANTAR_CONFIG_DIR", BotHarness.CONFIG.toString());
        env.put("QANTAR_WEB_PORT", String.valueOf(freePort()));
        env.remove("QANTAR_ADMINS");
        // these tests are about delivery, not ranking: without the embedding model each process starts and answers sooner
        env.put("QANTAR_VECTORS", "off");
        env.putAll(more);
        pb.redirectOutput(folder.resolve(name + ".out").toFile());
        pb.redirectError(folder.resolve(name + ".err").toFile());
        return pb.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
