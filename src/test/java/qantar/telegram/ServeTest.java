package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.cli.Main;
import qantar.telegram.TelegramWorld.Sent;
import qantar.telegram.api.Repeats;
import qantar.telegram.api.SendLimits;

/** `serve` as a real process: its token checks, exactly-once delivery across kill -9, and SIGTERM. */
class ServeTest {
    static final long USER = 42;
    static final List<String> SETTINGS = List.of("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_URL", "QANTAR_DATA_DIR", "QANTAR_KNOWLEDGE_DIR", "QANTAR_CONFIG_DIR", "QANTAR_ADMINS",
            "QANTAR_VECTORS", "QANTAR_FOLLOW_SECONDS");

    @TempDir
    Path tmp;

    /** Runs `serve` in this JVM with the given settings; returns the exit code and what it printed on err. */
    private String[] serveInProcess(Map<String, String> settings) {
        settings.forEach(System::setProperty);
        try {
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"serve"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
            return new String[] {String.valueOf(code), err.toString()};
        } finally {
            SETTINGS.forEach(System::clearProperty);
        }
    }

    @Test
    void aMissingTokenIsOneClearErrorLine() {
        String[] r = serveInProcess(Map.of("TELEGRAM_BOT_TOKEN", ""));
        assertThat(r[0]).isNotEqualTo("0");
        assertThat(r[1].strip()).isEqualTo("error: TELEGRAM_BOT_TOKEN is not set; get a token from @BotFather");
    }

    @Test
    void aRejectedTokenIsOneClearErrorLineWithoutTheToken() {
        try (FakeBotApi api = new FakeBotApi(BotHarness.TOKEN, SendLimits.TELEGRAM)) {
            String wrong = "999:wrong-secret";
            String[] r = serveInProcess(Map.of("TELEGRAM_BOT_TOKEN", wrong, "TELEGRAM_API_URL", api.url(),
                    "QANTAR_DATA_DIR", tmp.resolve("data").toString(),
                    "QANTAR_KNOWLEDGE_DIR", TestCorpus.write(tmp.resolve("knowledge"), false).toString(),
                    "QANTAR_CONFIG_DIR", BotHarness.CONFIG.toString(), "QANTAR_VECTORS", "off"));
            assertThat(r[0]).isNotEqualTo("0");
            assertThat(r[1].strip()).startsWith("error: the Bot API at " + api.url() + " rejected TELEGRAM_BOT_TOKEN (401)")
                    .doesNotContain("wrong-secret").doesNotContain("\n");
        }
    }

    @Test
    void aBadAdminListIsOneClearErrorLine() {
        String[] r = serveInProcess(Map.of("TELEGRAM_BOT_TOKEN", BotHarness.TOKEN, "QANTAR_ADMINS", "1001,bob"));
        assertThat(r[0]).isNotEqualTo("0");
        assertThat(r[1].strip()).isEqualTo("error: QANTAR_ADMINS: 'bob' is not a Telegram user id");
    }

    @Test
    void aBadFollowIntervalIsOneClearErrorLine() {
        String[] r = serveInProcess(Map.of("TELEGRAM_BOT_TOKEN", BotHarness.TOKEN, "QANTAR_FOLLOW_SECONDS", "0.5"));
        assertThat(r[0]).isEqualTo("65");
        assertThat(r[1].strip()).isEqualTo("error: QANTAR_FOLLOW_SECONDS must be a whole number of seconds above 0, not '0.5'");
    }

    /** serve wires moderation in: the administrator from QANTAR_ADMINS grants, a citizen is refused. */
    @Test
    void serveTakesAdministratorsFromTheEnvironmentAndRunsModeratorCommands() throws Exception {
        Path knowledge = TestCorpus.write(tmp.resolve("knowledge"), false);
        try (FakeBotApi api = new FakeBotApi(BotHarness.TOKEN, SendLimits.TELEGRAM)) {
            Process serve = ServeProcess.launch(api, knowledge, tmp, "serve", Map.of("QANTAR_ADMINS", "1001"));
            try {
                api.privateText(1001, "en", "/grant 2002");
                api.privateText(USER, "en", "/grant " + USER);
                FakeBotApi.await(() -> !api.sentTo(1001).isEmpty() && !api.sentTo(USER).isEmpty(), Duration.ofSeconds(90), "both replies");
                assertThat(api.sentTo(1001).get(0).text()).contains("User 2002 is now a moderator");
                assertThat(api.sentTo(USER).get(0).text()).isEqualTo("This command is not available to you.");
            } finally {
                serve.destroy();
                serve.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Process launch(FakeBotApi api, Path knowledge, String name) throws IOException {
        return ServeProcess.launch(api, knowledge, tmp, name, Map.of());
    }

    private static long answersTo(FakeBotApi api, String question) {
        // a call in flight at the kill is sent again marked 🔁; the fake refused it the first time, so it still counts once
        return api.sentTo(USER).stream().filter(s -> s.text().replaceFirst("^" + Repeats.MARK, "").startsWith("❓ " + question)).count();
    }

    @Test
    void afterKillDashNineEveryQuestionIsAnsweredExactlyOnceAndSigtermStopsPromptly() throws Exception {
        Path knowledge = TestCorpus.write(tmp.resolve("knowledge"), false);
        String q1 = TestCorpus.TOLL_RU;
        String q2 = "Сколько человек задержали после январских событий?";
        String q3 = "How many people died in the January events?";
        String q4 = "Сколько погибших назвали независимые журналисты после январских событий?";
        try (FakeBotApi api = new FakeBotApi(BotHarness.TOKEN, SendLimits.TELEGRAM)) {
            Process first = launch(api, knowledge, "first");
            try {
                api.privateText(USER, "ru", q1);
                // deadlines, not measures: serve starting on a busy machine can take longer than half a minute
                FakeBotApi.await(() -> answersTo(api, q1) == 1, Duration.ofSeconds(90), "the first answer");

                // Telegram stops accepting messages: q2 is handled and its answer waits in the outbox
                api.holdSends(true);
                api.privateText(USER, "ru", q2);
                FakeBotApi.await(() -> api.heldSends() > 0, Duration.ofSeconds(15), "the bot to try sending the second answer");
                api.privateText(USER, "en", q3);
            } finally {
                first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(first.isAlive()).isFalse();
            api.privateText(USER, "ru", q4); // asked while the bot is down
            api.holdSends(false);

            Process second = launch(api, knowledge, "second");
            try {
                FakeBotApi.await(() -> answersTo(api, q2) >= 1 && answersTo(api, q3) >= 1 && answersTo(api, q4) >= 1,
                        Duration.ofSeconds(90), "the answers after the restart");
                // a sentinel in the same chat: whatever was queued before it has been delivered by the time it arrives
                api.privateText(USER, "en", "/about");
                FakeBotApi.await(() -> api.sentTo(USER).stream().anyMatch(s -> s.text().contains("The corpus holds")),
                        Duration.ofSeconds(15), "the sentinel");
                assertThat(List.of(answersTo(api, q1), answersTo(api, q2), answersTo(api, q3), answersTo(api, q4)))
                        .containsExactly(1L, 1L, 1L, 1L);
                assertThat(api.refusals()).noneMatch(r -> r.startsWith("sendmessage: 4"));
            } finally {
                second.destroy(); // SIGTERM
                boolean exited = second.waitFor(10, TimeUnit.SECONDS);
                if (!exited) {
                    second.destroyForcibly();
                }
                assertThat(exited).as("serve exits within seconds of SIGTERM").isTrue();
            }
            String logs = Files.readString(tmp.resolve("first.err")) + Files.readString(tmp.resolve("second.err"));
            assertThat(logs).doesNotContain(BotHarness.TOKEN).doesNotContain("TEST-secret");
            assertThat(logs).contains("answered chat=private", "bot stopped; counters");
            assertThat(logs).doesNotContain(q1).doesNotContain("задержали");
        }
    }
}
