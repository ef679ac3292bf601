package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.store.Database;
import qantar.telegram.api.Repeats;
import qantar.telegram.api.SendLimits;
import qantar.testing.EmbeddedPostgresServer;

/**
 * Two `serve` processes on one PostgreSQL database against the fake Bot API, as the README's
 * "Running on more than one machine" describes them: 200 questions from 40 chats, the consumer
 * killed with SIGKILL in the middle of them, the standby taking over. Every question is answered,
 * and a repeat only as the delivery bound allows (one kill: at most one per chat and one per
 * sending thread, each marked 🔁). A moderator's approval made through the consumer's Telegram
 * commands reaches the standby's web answers within the revision-following interval (1 s here,
 * QANTAR_FOLLOW_SECONDS; 5 s by default).
 */
class MultiInstanceTest {
    static final int QUESTIONS = 200;
    static final int CHATS = 40; // five questions a chat: within the bot's ten a minute
    static final int SENDERS = 4;
    static final long ADMIN = 1001;
    static final long ALICE = 2002;
    static final long BOB = 3003;
    static final List<String> ASKED = SoakTest.ASKED;
    static final String EDITED = "An independent list names 263 people who died in the January events, children and teenagers among them.";
    static final String ON_THE_LIST = "How many dead does the independent list name?";

    @TempDir
    Path tmp;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void twoInstancesAnswerEveryQuestionOnceAcrossAKillAndFollowEachOthersChanges() throws Exception {
        Path knowledge = TestCorpus.write(tmp.resolve("knowledge"), false);
        Database.Location db = EmbeddedPostgresServer.locationFor(tmp.resolve("shared"));
        Map<String, String> env = Map.of("QANTAR_DATABASE_URL", db.url(), "QANTAR_DATABASE_USER", db.user(),
                "QANTAR_DATABASE_PASSWORD", db.password(), "QANTAR_SECRET", "a-shared-secret-of-at-least-32-characters",
                "QANTAR_ADMINS", String.valueOf(ADMIN), "QANTAR_FOLLOW_SECONDS", "1");
        int webB = ServeProcess.freePort();
        Map<String, String> envB = new java.util.HashMap<>(env);
        envB.put("QANTAR_WEB_PORT", String.valueOf(webB));
        try (FakeBotApi api = new FakeBotApi(BotHarness.TOKEN, SendLimits.TELEGRAM)) {
            Files.createDirectories(tmp.resolve("a"));
            Files.createDirectories(tmp.resolve("b"));
            Process a = ServeProcess.launch(api, knowledge, tmp.resolve("a"), "serve", env);
            Process b = null;
            try {
                // the first instance consumes: it answers the administrator
                api.privateText(ADMIN, "en", "/grant " + ALICE);
                api.privateText(ADMIN, "en", "/grant " + BOB);
                FakeBotApi.await(() -> api.sentTo(ADMIN).size() == 2, Duration.ofSeconds(90), "the first instance's replies");
                b = ServeProcess.launch(api, knowledge, tmp.resolve("b"), "serve", envB);
                Path errB = tmp.resolve("b/serve.err");
                FakeBotApi.await(() -> read(errB).contains("Another instance consumes Telegram updates"), Duration.ofSeconds(90),
                        "the second instance to wait for the lock");
                String before = answerOnTheWeb(webB);
                assertThat(before).doesNotContain("teenagers");

                List<long[]> asked = new ArrayList<>(); // chat, question number
                for (int i = 0; i < QUESTIONS / 2; i++) {
                    asked.add(ask(api, i));
                }
                // a moderator's edit, proposed and approved through the consumer's Telegram commands
                api.privateText(ALICE, "en", "/edit t3-toll-263 en\nreason: the list's own wording\n" + EDITED);
                FakeBotApi.await(() -> !api.sentTo(ALICE).isEmpty(), Duration.ofSeconds(30), "the proposal");
                Matcher id = Pattern.compile("<code>(\\d+)</code>").matcher(api.sentTo(ALICE).get(0).html());
                assertThat(id.find()).as(api.sentTo(ALICE).get(0).html()).isTrue();
                api.privateText(BOB, "en", "/approve " + id.group(1));
                FakeBotApi.await(() -> api.sentTo(BOB).stream().anyMatch(s -> s.text().contains("is approved")), Duration.ofSeconds(30),
                        "the approval");
                long approved = System.nanoTime();
                // the standby follows the database's revision: its web answers show the edit within seconds
                awaitOnTheWeb(webB, "teenagers", Duration.ofSeconds(20));
                System.out.printf("multi-instance: the approval reached the standby's web answers in %.1f s%n",
                        (System.nanoTime() - approved) / 1e9);

                // the second half: the consumer is killed while it answers them
                for (int i = QUESTIONS / 2; i < QUESTIONS; i++) {
                    asked.add(ask(api, i));
                }
                FakeBotApi.await(() -> answered(api, asked) >= QUESTIONS * 3 / 5, Duration.ofSeconds(90), "answers to the second half");
                a.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                int atKill = answered(api, asked);

                // the standby takes over: everything left is answered, and the edit is in its Telegram answers too
                api.privateText(ADMIN, "en", ON_THE_LIST);
                FakeBotApi.await(() -> answered(api, asked) == QUESTIONS, Duration.ofSeconds(90), "every question's answer");
                FakeBotApi.await(() -> answers(api, ADMIN, ON_THE_LIST).size() == 1, Duration.ofSeconds(30), "the answer after the takeover");
                assertThat(api.sentTo(ADMIN).stream().filter(s -> s.text().contains("❓ " + ON_THE_LIST)).findFirst().orElseThrow().text())
                        .contains("teenagers");
                // a sentinel in every chat: whatever was queued in it before has been delivered when it arrives
                for (int c = 0; c < CHATS; c++) {
                    api.privateText(chat(c), "en", "/about");
                }
                FakeBotApi.await(() -> java.util.stream.IntStream.range(0, CHATS).allMatch(c -> api.sentTo(chat(c)).stream()
                        .anyMatch(s -> s.text().contains("The corpus holds"))), Duration.ofSeconds(60), "the sentinels");

                int repeats = 0;
                for (int c = 0; c < CHATS; c++) {
                    int inChat = 0;
                    for (long[] q : asked) {
                        if (q[0] != chat(c)) {
                            continue;
                        }
                        List<Boolean> got = answers(api, q[0], question((int) q[1]));
                        assertThat(got).as("answers to question %d", q[1]).isNotEmpty();
                        // A call in flight at the kill goes out again marked: it may be the first to arrive
                        // (the killed one never left), but every answer past one is marked.
                        assertThat(got.stream().filter(r -> !r).count()).as("unmarked answers to question %d", q[1]).isLessThanOrEqualTo(1);
                        inChat += got.size() - 1;
                    }
                    assertThat(inChat).as("repeats in chat %d", chat(c)).isLessThanOrEqualTo(1);
                    repeats += inChat;
                }
                System.out.printf("multi-instance: %d questions from %d chats, %d answered before the kill, %d repeats (bound %d)%n",
                        QUESTIONS, CHATS, atKill, repeats, SENDERS);
                assertThat(repeats).isLessThanOrEqualTo(SENDERS);
                assertThat(atKill).as("killed in the middle of the run").isLessThan(QUESTIONS);
                assertThat(read(errB)).contains("answered chat=private");
                assertThat(tmp.resolve("a/data/qantar.db")).as("no SQLite file beside PostgreSQL").doesNotExist();
            } finally {
                a.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                if (b != null) {
                    b.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static long chat(int c) {
        return 5000 + c;
    }

    private static long[] ask(FakeBotApi api, int i) {
        long chat = chat(i % CHATS);
        api.privateText(chat, "ru", question(i));
        return new long[] {chat, i};
    }

    /** Question i: one of the corpus questions, numbered so that each answer can be told apart. */
    private static String question(int i) {
        return ASKED.get(i % ASKED.size()).replaceFirst("\\?$", "") + " (" + i + ")?";
    }

    /** The answers to one question in a chat, as (marked repeat?) flags. */
    private static List<Boolean> answers(FakeBotApi api, long chat, String question) {
        List<Boolean> out = new ArrayList<>();
        for (TelegramWorld.Sent s : api.sentTo(chat)) {
            if (s.text().replaceFirst("^" + Repeats.MARK, "").startsWith("❓ " + question)) {
                out.add(s.text().startsWith(Repeats.MARK));
            }
        }
        return out;
    }

    private static int answered(FakeBotApi api, List<long[]> asked) {
        int n = 0;
        for (long[] q : asked) {
            n += answers(api, q[0], question((int) q[1])).isEmpty() ? 0 : 1;
        }
        return n;
    }

    /** Asks the web pages every 1.5 s (their limit is 20 questions a minute) until the answer contains {@code text}. */
    private void awaitOnTheWeb(int port, String text, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!answerOnTheWeb(port).contains(text)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the standby's web answer never showed «" + text + "»");
            }
            Thread.sleep(1500);
        }
    }

    /** The JSON of the answer a reader of the second instance's web pages gets to {@link #ON_THE_LIST}. */
    private String answerOnTheWeb(int port) {
        try {
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> ask = http.send(HttpRequest.newBuilder(URI.create(base + "/ask?lang=en&q="
                    + URLEncoder.encode(ON_THE_LIST, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            String location = ask.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no answer: " + ask.statusCode()));
            return http.send(HttpRequest.newBuilder(URI.create(base + location + ".json")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
