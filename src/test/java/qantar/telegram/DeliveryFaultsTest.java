package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.app.Qantar;
import qantar.telegram.TelegramWorld.Sent;
import qantar.telegram.api.Repeats;
import qantar.telegram.api.TelegramStore;
import qantar.telegram.route.Reply;

/** Delivery under faults: odd updates, database locks, Bot API failures and slow answers, with nothing lost. */
@ParameterizedClass
@EnumSource(Intake.class)
class DeliveryFaultsTest {
    @Parameter
    Intake intake;

    @TempDir
    Path tmp;

    private static String from(long id) {
        return "{\"id\":%d,\"is_bot\":false,\"first_name\":\"U\",\"language_code\":\"ru\"}".formatted(id);
    }

    /** Another process holds the write lock on the database for as long as the returned connection is open. */
    private Connection lockDatabase() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/qantar.db"));
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
        }
        return c;
    }

    private static List<String> column(Qantar app, String sql) {
        return app.database().query(() -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = app.database().connection().createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Test
    void updatesOfOddShapesAreStoredAcknowledgedAndStopNothingElse() {
        try (BotHarness h = BotHarness.quick(intake, tmp)) {
            int stringForNumber = h.api.rawUpdate("{\"message\":{\"message_id\":\"first\",\"from\":" + from(31)
                    + ",\"chat\":{\"id\":31,\"type\":\"private\"},\"date\":1700000000,\"text\":\"hi\"}}");
            int hugeSender = h.api.rawUpdate("{\"message\":{\"message_id\":2,\"from\":{\"id\":9223372036854775808,\"is_bot\":false,"
                    + "\"first_name\":\"U\"},\"chat\":{\"id\":32,\"type\":\"private\"},\"date\":1700000000,\"text\":\"hi\"}}");
            int textObject = h.api.rawUpdate("{\"message\":{\"message_id\":3,\"from\":" + from(33)
                    + ",\"chat\":{\"id\":33,\"type\":\"private\"},\"date\":1700000000,\"text\":{\"a\":1}}}");
            int nullQuery = h.api.rawUpdate("{\"inline_query\":{\"id\":\"iq-null\",\"from\":" + from(34) + ",\"query\":null,\"offset\":\"\"}}");
            int chatNull = h.api.rawUpdate("{\"message\":{\"message_id\":4,\"from\":" + from(35) + ",\"chat\":null,\"date\":1700000000,\"text\":\"hi\"}}");

            Sent answer = h.ask(36, "ru", TestCorpus.TOLL_RU);

            assertThat(answer.text()).contains("Официальная позиция");
            FakeBotApi.await(() -> h.api.confirmed(chatNull), Duration.ofSeconds(10), "the odd updates to be confirmed");
            List<String> unhandled = column(h.app, "SELECT update_id FROM tg_updates WHERE handled_at IS NULL");
            assertThat(unhandled).isEmpty();
            assertThat(column(h.app, "SELECT update_id FROM tg_updates")).contains(String.valueOf(stringForNumber),
                    String.valueOf(hugeSender), String.valueOf(textObject), String.valueOf(nullQuery), String.valueOf(chatNull));
        }
    }

    @Test
    void aQuestionArrivingWhileTheDatabaseIsLockedIsAnsweredOnceTheLockGoes() throws Exception {
        try (BotHarness h = BotHarness.quick(intake, tmp)) {
            int pollsBefore = h.api.pollTimes().size();
            Connection lock = lockDatabase();
            int update;
            try {
                update = h.api.privateText(41, "ru", TestCorpus.TOLL_RU);
                Thread.sleep(8 * BotHarness.BUSY_TIMEOUT.toMillis()); // past the busy timeout, time for a spinning poller to poll again and again
                assertThat(h.api.sentTo(41)).isEmpty();
                assertThat(h.api.confirmed(update)).as("not confirmed while not stored").isFalse();
                if (intake == Intake.POLLING) {
                    assertThat(h.api.pollTimes().size() - pollsBefore).as("no getUpdates spinning while storing waits").isLessThan(5);
                }
            } finally {
                lock.close();
            }
            h.next(41, 0, "the answer once the lock is gone");
            FakeBotApi.await(() -> h.bot.outboxPending() == 0, Duration.ofSeconds(10), "the outbox to drain");
            assertThat(h.api.sentTo(41)).hasSize(1);
        }
    }

    @Test
    void aLockWhileMarkingAMessageSentNeitherStopsThatChatNorSendsItTwice() throws Exception {
        try (BotHarness h = BotHarness.quick(intake, tmp)) {
            h.api.slowSends(1, BotHarness.BUSY_TIMEOUT.toMillis());
            h.api.privateText(42, "ru", "/help");
            FakeBotApi.await(() -> h.api.sentTo(42).size() == 1, Duration.ofSeconds(10), "the first reply to be on its way");
            Connection lock = lockDatabase(); // taken while the answer to that send is still on its way
            try {
                Thread.sleep(5 * BotHarness.BUSY_TIMEOUT.toMillis()); // marking it sent fails a few times meanwhile
            } finally {
                lock.close();
            }
            Sent second = h.ask(42, "ru", "/sides");
            FakeBotApi.await(() -> h.bot.outboxPending() == 0, Duration.ofSeconds(10), "the outbox to drain");
            assertThat(second.text()).isNotEqualTo(h.api.sentTo(42).get(0).text());
            assertThat(h.api.sentTo(42)).hasSize(2);
        }
    }

    @Test
    void getUpdatesHonoursRetryAfterAndKeepsListening() {
        assumeTrue(intake == Intake.POLLING, "getUpdates is polling's; a webhook's failed deliveries are WebhookTest's");
        try (BotHarness h = BotHarness.quick(intake, tmp)) {
            FakeBotApi.await(() -> !h.api.pollTimes().isEmpty(), Duration.ofSeconds(5), "the first poll");
            int first = h.api.pollTimes().size(); // the polls from here on get 429
            h.api.failPolls(2, 429, 2); // two in a row: a doubling back-off from 1 s would wait less than 2 s after the first
            FakeBotApi.await(() -> h.api.pollTimes().size() > first + 2, Duration.ofSeconds(20), "two 429s and a poll after them");
            List<Long> times = h.api.pollTimes();
            for (int i = first + 1; i <= first + 2; i++) {
                assertThat(times.get(i) - times.get(i - 1)).as("the wait after a 429 with retry_after 2 s").isGreaterThanOrEqualTo(1900);
            }
            h.ask(43, "ru", "/help");
        }
    }

    @Test
    void aSendThatGetsNoAnswerInTimeIsSentAgainMarkedAsARepeat() {
        try (BotHarness h = new BotHarness(intake, tmp, BotHarness.QUICK, s -> s.withSendTimeoutSeconds(1))) {
            h.api.slowSends(1, 2500);
            h.api.privateText(44, "ru", "/help");
            FakeBotApi.await(() -> h.api.sentTo(44).size() == 2, Duration.ofSeconds(15), "the repeat");
            List<Sent> sent = h.api.sentTo(44);
            assertThat(sent.get(1).text()).isEqualTo(Repeats.MARK + sent.get(0).text());
        }
    }

    @Test
    void aMessageInFlightAtACrashIsSentOnceMoreMarkedAsARepeat() {
        Path knowledge = TestCorpus.write(tmp.resolve("knowledge"), false);
        try (Qantar app = BotHarness.open(tmp.resolve("data"), knowledge)) {
            TelegramStore store = new TelegramStore(app.database());
            Reply reply = new Reply(45L, null, null).html("Ответ");
            TelegramStore.Outgoing queued = store.commit(null, List.of(), reply.calls()).get(0);
            store.markAttempted(queued.id()); // went out, then the process died before Telegram's answer
        }
        try (BotHarness h = new BotHarness(intake, tmp, knowledge, BotHarness.QUICK, s -> s)) {
            Sent s = h.api.awaitSent(m -> m.chatId() == 45, "the repeat after restart");
            assertThat(s.text()).isEqualTo(Repeats.MARK + "Ответ");
        }
    }

    @Test
    void aPossiblyDeliveredMessageStaysMarkedWhenItsNextAttemptIsRefusedAndTheBotDiesAgain() {
        aMessageInFlightAtACrashIsLeftInTheOutbox(46);
        Path knowledge = tmp.resolve("knowledge");
        // the marked resend meets a 429, and the bot is stopped before it tries again
        try (BotHarness h = new BotHarness(intake, tmp, knowledge, BotHarness.QUICK, (app, s) -> new TelegramBot(BotHarness.sources(app), s), api -> api.storm(1, 30))) {
            FakeBotApi.await(() -> h.api.tooManyRequests() == 1, Duration.ofSeconds(15), "the 429");
        }
        try (BotHarness h = new BotHarness(intake, tmp, knowledge, BotHarness.QUICK, s -> s)) {
            Sent s = h.api.awaitSent(m -> m.chatId() == 46, "the message after the second restart");
            assertThat(s.text()).isEqualTo(Repeats.MARK + "Ответ");
        }
    }

    /** What a bot killed while sending leaves: a message to this chat, sent, Telegram's answer never seen. */
    private void aMessageInFlightAtACrashIsLeftInTheOutbox(long chat) {
        Path knowledge = TestCorpus.write(tmp.resolve("knowledge"), false);
        try (Qantar app = BotHarness.open(tmp.resolve("data"), knowledge)) {
            TelegramStore store = new TelegramStore(app.database());
            Reply reply = new Reply(chat, null, null).html("Ответ");
            store.markAttempted(store.commit(null, List.of(), reply.calls()).get(0).id());
        }
    }

    @Test
    void onceAnsweredNeitherTheQuestionNorTheReplyNorTheAskerIsKeptInTheInboxOrOutbox() {
        try (BotHarness h = BotHarness.quick(intake, tmp)) {
            h.askWhole(46, "ru", TestCorpus.TOLL_RU);
            FakeBotApi.await(() -> column(h.app, "SELECT id FROM tg_outbox WHERE sent_at IS NULL").isEmpty(), Duration.ofSeconds(10),
                    "every call marked sent");
            assertThat(column(h.app, "SELECT data FROM tg_updates")).containsOnly("");
            assertThat(column(h.app, "SELECT payload || ':' || COALESCE(chat_id, '') FROM tg_outbox")).containsOnly(":");
        }
    }

    @Test
    void handledUpdatesAndSentCallsAreDeletedAfterTheirDaysButTheNewestUpdateStays() {
        try (BotHarness h = BotHarness.quick(intake, tmp)) {
            h.askWhole(47, "ru", "/help");
            h.askWhole(47, "ru", "/sides");
            TelegramStore store = new TelegramStore(h.app.database());
            assertThat(store.prune(0)).isPositive();
            assertThat(column(h.app, "SELECT COUNT(*) FROM tg_updates")).containsExactly("1");
            assertThat(store.lastUpdateId()).isPositive();
            assertThat(store.pendingUpdates()).isEqualTo(Map.of());
        }
    }
}
