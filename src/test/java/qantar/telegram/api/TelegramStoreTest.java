package qantar.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.store.Database;
import qantar.store.Sql;
import qantar.testing.Engine;

/** The inbox, the outbox and users' settings keep their guarantees on both stores. */
@ParameterizedClass
@EnumSource(Engine.class)
class TelegramStoreTest {
    @Parameter
    Engine engine;

    @TempDir
    Path tmp;

    @Test
    void anUpdateIsStoredOnceAndHandledOnceWithItsRepliesQueuedInOrder() {
        try (Database db = engine.open(tmp)) {
            TelegramStore store = new TelegramStore(db);
            // ids beyond 32 bits, as Telegram's grow
            Map<Long, String> batch = new LinkedHashMap<>();
            batch.put(5_000_000_001L, "{\"update_id\":5000000001}");
            batch.put(5_000_000_002L, "{\"update_id\":5000000002}");
            assertThat(store.receive(batch)).containsExactly(5_000_000_001L, 5_000_000_002L);
            assertThat(store.receive(batch)).isEmpty();
            assertThat(store.lastUpdateId()).isEqualTo(5_000_000_002L);
            assertThat(store.pendingUpdates()).containsOnlyKeys(5_000_000_001L, 5_000_000_002L);

            long chat = -1_001_234_567_890L;
            List<TelegramStore.Outgoing> queued = store.commit(5_000_000_001L, List.of(TelegramStore.setUserLang(7_000_000_000L, "kk")),
                    List.of(new TelegramStore.Outgoing(0, chat, true, "sendMessage", "{\"text\":\"a\"}"),
                            new TelegramStore.Outgoing(0, null, false, "answerCallbackQuery", "{}")));
            assertThat(queued).hasSize(2);
            assertThat(queued.get(1).id()).isGreaterThan(queued.get(0).id());
            assertThat(store.commit(5_000_000_001L, List.of(), List.of(new TelegramStore.Outgoing(0, chat, true, "sendMessage", "{}")))).isEmpty();
            assertThat(store.handled(5_000_000_001L)).isTrue();
            assertThat(store.pendingUpdates()).containsOnlyKeys(5_000_000_002L);
            assertThat(store.userLang(7_000_000_000L)).contains("kk");

            assertThat(store.unsent()).extracting(TelegramStore.Outgoing::chatId, TelegramStore.Outgoing::paced, TelegramStore.Outgoing::method)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(chat, true, "sendMessage"),
                            org.assertj.core.groups.Tuple.tuple(null, false, "answerCallbackQuery"));
            store.markAttempted(queued.get(0).id());
            assertThat(store.attempted()).containsExactly(queued.get(0).id());
            store.markSent(queued.get(0).id());
            store.markFailed(queued.get(1).id(), "Bad Request");
            assertThat(store.unsent()).isEmpty();
            assertThat(store.attempted()).isEmpty();
        }
    }

    @Test
    void aVoteCountsOncePerUserAndAnswerAndSettingsAreReplaced() {
        try (Database db = engine.open(tmp)) {
            TelegramStore store = new TelegramStore(db);
            for (int i = 0; i < 2; i++) {
                store.commit(null, List.of(store.vote(501, "a1", -1, "fact"), TelegramStore.setUserAnswers(501, "full")), List.of());
            }
            store.commit(null, List.of(store.vote(502, "a1", 1, null), TelegramStore.setUserAnswers(501, null)), List.of());
            assertThat(store.feedback("a1")).containsExactly("-1:fact", "1:null");
            assertThat(store.userAnswers(501)).isEmpty();
        }
    }

    @Test
    void pruningKeepsTheNewestUpdateForTheOffset() {
        try (Database db = engine.open(tmp)) {
            TelegramStore store = new TelegramStore(db);
            store.receive(Map.of(1L, "{}", 2L, "{}"));
            store.commit(1L, List.of(), List.of());
            store.commit(2L, List.of(), List.of());
            db.inTransaction(() -> Sql.exec(db.connection(), "UPDATE tg_updates SET received_at = '2020-01-01T00:00:00Z'"));
            assertThat(store.prune(2)).isEqualTo(1);
            assertThat(store.lastUpdateId()).isEqualTo(2);
        }
    }
}
