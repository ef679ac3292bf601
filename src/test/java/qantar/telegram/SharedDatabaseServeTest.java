package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.telegram.api.Repeats;
import qantar.telegram.api.SendLimits;
import qantar.store.Database;
import qantar.testing.EmbeddedPostgresServer;

/** Two `serve` processes on one PostgreSQL database: one consumes updates, the other takes over after its kill -9. */
class SharedDatabaseServeTest {
    static final long USER = 43;

    @TempDir
    Path tmp;

    private static long answersTo(FakeBotApi api, String question) {
        return api.sentTo(USER).stream().filter(s -> s.text().replaceFirst("^" + Repeats.MARK, "").startsWith("❓ " + question)).count();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theStandbyTakesOverWhenTheConsumerIsKilledAndNothingIsAnsweredTwice() throws Exception {
        Path knowledge = TestCorpus.write(tmp.resolve("knowledge"), false);
        Database.Location db = EmbeddedPostgresServer.locationFor(tmp.resolve("shared"));
        // one secret for both, so votes and reports are recognised whichever instance took them
        Map<String, String> env = Map.of("QANTAR_DATABASE_URL", db.url(), "QANTAR_DATABASE_USER", db.user(),
                "QANTAR_DATABASE_PASSWORD", db.password(), "QANTAR_SECRET", "a-shared-secret-of-at-least-32-characters");
        String q1 = TestCorpus.TOLL_RU;
        String q2 = "How many people died in the January events?";
        try (FakeBotApi api = new FakeBotApi(BotHarness.TOKEN, SendLimits.TELEGRAM)) {
            Files.createDirectories(tmp.resolve("a"));
            Files.createDirectories(tmp.resolve("b"));
            Process first = ServeProcess.launch(api, knowledge, tmp.resolve("a"), "serve", env);
            Process second = null;
            try {
                api.privateText(USER, "ru", q1);
                FakeBotApi.await(() -> answersTo(api, q1) == 1, Duration.ofSeconds(60), "the first instance's answer");
                second = ServeProcess.launch(api, knowledge, tmp.resolve("b"), "serve", env);
                Path secondErr = tmp.resolve("b/serve.err");
                FakeBotApi.await(() -> read(secondErr).contains("Another instance consumes Telegram updates"),
                        Duration.ofSeconds(60), "the second instance to wait for the lock");

                first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                api.privateText(USER, "en", q2);
                FakeBotApi.await(() -> answersTo(api, q2) == 1, Duration.ofSeconds(60), "the second instance's answer");
                api.privateText(USER, "en", "/about"); // a sentinel: all queued before it is delivered when it arrives
                FakeBotApi.await(() -> api.sentTo(USER).stream().anyMatch(s -> s.text().contains("The corpus holds")),
                        Duration.ofSeconds(30), "the sentinel");
                assertThat(answersTo(api, q1)).isEqualTo(1);
                assertThat(answersTo(api, q2)).isEqualTo(1);
                assertThat(Files.readString(tmp.resolve("b/serve.err"))).contains("answered chat=private");
                assertThat(tmp.resolve("a/data/qantar.db")).doesNotExist();
            } finally {
                first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                if (second != null) {
                    second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
