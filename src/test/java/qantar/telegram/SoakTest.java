package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.telegram.api.Repeats;

/**
 * A bounded soak on 127.0.0.1 (not part of the default test run: {@code mvn -B verify -Psoak}):
 * `serve` as a real process answers 500 questions from 50 chats while it is killed with SIGKILL
 * at random moments, the database is locked from another connection past its busy timeout, and
 * the fake Bot API refuses sends (500) and storms with 429s. It reports what was lost and what
 * was doubled, and checks them against the README's bound: nothing lost, and at most 4 repeats
 * per kill (one per sending thread), each marked 🔁.
 */
@Tag("soak")
class SoakTest {
    static final int QUESTIONS = 500;
    static final int CHATS = 50;
    static final int KILLS = 8;
    static final int SENDERS = 4;
    static final List<String> ASKED = List.of(TestCorpus.TOLL_RU, "Сколько человек задержали после январских событий?",
            "How many people died in the January events?", "Сколько погибших назвали независимые журналисты после январских событий?");

    @TempDir
    Path tmp;

    /** The answers to one numbered question, as (marked repeat?) flags. */
    private static List<Boolean> answers(FakeBotApi api, long chat, String question) {
        List<Boolean> out = new ArrayList<>();
        for (TelegramWorld.Sent s : api.sentTo(chat)) {
            boolean repeat = s.text().startsWith(Repeats.MARK);
            if (s.text().replaceFirst("^" + Repeats.MARK, "").startsWith("❓ " + question)) {
                out.add(repeat);
            }
        }
        return out;
    }

    @Test
    void fiveHundredQuestionsUnderKillsLocksAndApiFaults() throws Exception {
        Path knowledge = TestCorpus.write(tmp.resolve("knowledge"), false);
        Random random = new Random(20220105);
        List<long[]> asked = new ArrayList<>(); // chat, question number
        int kills = 0;
        int locks = 0;
        int storms = 0;
        int outages = 0;
        try (FakeBotApi api = new FakeBotApi(BotHarness.TOKEN, BotHarness.QUICK)) {
            Process serve = ServeProcess.launch(api, knowledge, tmp, "serve-0", Map.of());
            try {
                for (int i = 0; i < QUESTIONS; i++) {
                    long chat = 1000 + i % CHATS; // ten questions per chat: within the bot's 10 a minute
                    int update = api.privateText(chat, "ru", question(i));
                    asked.add(new long[] {chat, i, update});
                    Thread.sleep(random.nextInt(40));
                    int fault = random.nextInt(QUESTIONS / 10);
                    if (fault == 0 && kills < KILLS) {
                        serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                        kills++;
                        serve = ServeProcess.launch(api, knowledge, tmp, "serve-" + kills, Map.of());
                    } else if (fault == 1) {
                        locks++;
                        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/qantar.db"))) {
                            try (Statement s = c.createStatement()) {
                                s.execute("BEGIN EXCLUSIVE");
                            }
                            Thread.sleep(6000); // past the 5 s busy timeout
                        }
                    } else if (fault == 2) {
                        storms++;
                        api.storm(5, 1);
                    } else if (fault == 3) {
                        outages++;
                        api.holdSends(true);
                        Thread.sleep(2000);
                        api.holdSends(false);
                    }
                }
                long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (System.nanoTime() < end && !asked.stream().allMatch(q -> !answers(api, q[0], question((int) q[1])).isEmpty())) {
                    Thread.sleep(500);
                }
                Thread.sleep(3000); // let late repeats arrive before counting
            } finally {
                serve.destroy();
                if (!serve.waitFor(15, TimeUnit.SECONDS)) {
                    serve.destroyForcibly();
                }
            }
            int lost = 0;
            int marked = 0;
            int unmarked = 0;
            for (long[] q : asked) {
                List<Boolean> a = answers(api, q[0], question((int) q[1]));
                if (a.isEmpty()) {
                    lost++;
                    System.out.printf("soak: lost chat %d question %d%n", q[0], q[1]);
                }
                for (int k = 1; k < a.size(); k++) {
                    if (a.get(k)) {
                        marked++;
                    } else {
                        unmarked++;
                        System.out.printf("soak: unmarked repeat in chat %d of question %d (update %d): %s; outbox %s%n", q[0], q[1], q[2],
                                api.sentTo(q[0]).stream().filter(m -> m.text().contains("(" + q[1] + ")"))
                                        .map(m -> m.method() + "#" + m.messageId() + "/" + m.text().length()).toList(), outbox(q[2]));
                    }
                }
            }
            System.out.printf("soak: %d questions from %d chats, %d kills, %d locks, %d 429 storms, %d send outages; "
                    + "lost %d, repeats %d (marked 🔁 %d, unmarked %d), bound %d%n",
                    QUESTIONS, CHATS, kills, locks, storms, outages, lost, marked + unmarked, marked, unmarked, kills * SENDERS);
            assertThat(lost).isZero();
            assertThat(unmarked).as("repeats not marked").isZero();
            assertThat(marked).isLessThanOrEqualTo(kills * SENDERS);
        }
    }

    private String outbox(long update) throws java.sql.SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/qantar.db"));
             var ps = c.prepareStatement("SELECT id, created_at, attempted_at, sent_at, failed FROM tg_outbox WHERE update_id = ?")) {
            ps.setLong(1, update);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + " " + rs.getString(2) + " att=" + rs.getString(3) + " sent=" + rs.getString(4) + " f=" + rs.getString(5));
                }
            }
        }
        return rows.toString();
    }

    /** Question i: one of the corpus questions, numbered so that each answer can be told apart. */
    private static String question(int i) {
        return ASKED.get(i % ASKED.size()).replaceFirst("\\?$", "") + " (" + i + ")?";
    }
}
