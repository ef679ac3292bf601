package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.app.Qantar;
import qantar.telegram.api.TelegramStore;

/** What a crash leaves in SQLite is picked up on start: nothing lost, nothing answered twice. */
@ParameterizedClass
@EnumSource(Intake.class)
class RecoveryTest {
    @Parameter
    Intake intake;

    @TempDir
    Path tmp;

    private static String update(int id, long user, String text) {
        return """
                {"update_id":%d,"message":{"message_id":1,"from":{"id":%d,"is_bot":false,"first_name":"U","language_code":"ru"},
                "chat":{"id":%d,"type":"private"},"date":1700000000,"text":"%s"}}""".formatted(id, user, user, text);
    }

    /** Stores what a killed bot would have left: update 100 handled, 101 received but not handled. */
    private void crashState() {
        Path knowledge = TestCorpus.write(tmp.resolve("knowledge"), false);
        try (Qantar app = BotHarness.open(tmp.resolve("data"), knowledge)) {
            TelegramStore store = new TelegramStore(app.database());
            Map<Long, String> batch = new java.util.LinkedHashMap<>();
            batch.put(100L, update(100, 11, "/help"));
            batch.put(101L, update(101, 12, TestCorpus.TOLL_RU));
            store.receive(batch);
            store.commit(100L, List.of(), List.of());
        }
    }

    @Test
    void anUpdateReceivedButNotHandledBeforeACrashIsHandledOnStart() {
        crashState();
        try (BotHarness h = BotHarness.quick(intake, tmp)) {
            h.api.awaitSent(s -> s.chatId() == 12 && s.text().contains("Официальная позиция"), "the answer to the stored question");
            assertThat(h.api.sentTo(11)).isEmpty();
        }
    }

    @Test
    void intakeResumesAfterTheStoredUpdatesAndARedeliveredUpdateIsNotAnsweredTwice() {
        crashState();
        try (BotHarness h = BotHarness.quick(intake, tmp)) {
            // the fake numbers its updates from 100: 100 and 101 are the ones already stored
            h.api.privateText(11, "ru", "/help");
            h.api.privateText(12, "ru", TestCorpus.TOLL_RU);
            h.api.privateText(13, "ru", "/help");
            h.api.awaitSent(s -> s.chatId() == 13, "the answer to a new update");
            h.api.awaitSent(s -> s.chatId() == 12, "the answer to the stored question");
            FakeBotApi.await(() -> h.bot.outboxPending() == 0, Duration.ofSeconds(5), "the outbox to drain");
            if (intake == Intake.POLLING) {
                assertThat(h.api.calls("getupdates").get(0).path("offset").asLong()).isEqualTo(102);
            } else { // Telegram POSTs 100 and 101 again: taken (200) as already stored, not handled again
                FakeBotApi.await(() -> h.api.webhookAnswers().size() == 3, Duration.ofSeconds(5), "three deliveries");
                assertThat(h.api.webhookAnswers()).containsOnly(200);
            }
            assertThat(h.api.sentTo(11)).isEmpty();
            assertThat(h.api.sentTo(12)).hasSize(1); // from the stored update 101, not from Telegram's copy
        }
    }
}
