package qantar.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.store.Database;

/**
 * The outbox as the queue delivers it, on a real database: order per chat, what is marked sent or
 * failed, and what goes again (plain after a 429, marked 🔁 when it may have arrived). The
 * transport is Telegram's side of the call, answering from a script.
 */
class SendQueueTest {
    /** Fast limits: the rules are the same, the waits short. */
    private static final SendLimits QUICK = new SendLimits(1, 1000, 1000, 1000);

    @TempDir
    Path tmp;
    Database db;
    TelegramStore store;
    final Counters counters = new Counters();
    final ScriptedTransport telegram = new ScriptedTransport();

    @BeforeEach
    void open() {
        db = Database.open(tmp);
        store = new TelegramStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Answers each call with the next result scripted for its text (Accepted when none is left) and keeps the payloads. */
    static final class ScriptedTransport implements Transport {
        final Map<String, ArrayDeque<Result>> script = new HashMap<>();
        final List<String> payloads = new ArrayList<>();

        void answer(String text, Result... results) {
            script.put(text, new ArrayDeque<>(List.of(results)));
        }

        @Override
        public synchronized Result call(String method, String payloadJson) {
            payloads.add(payloadJson);
            for (var e : script.entrySet()) {
                if (payloadJson.contains("\"" + e.getKey() + "\"") && !e.getValue().isEmpty()) {
                    return e.getValue().poll();
                }
            }
            return new Accepted();
        }

        synchronized List<String> to(long chat) {
            return payloads.stream().filter(p -> p.startsWith("{\"chat_id\":" + chat + ",")).toList();
        }
    }

    private static TelegramStore.Outgoing message(long chat, String text) {
        return new TelegramStore.Outgoing(0, chat, true, "sendmessage", "{\"chat_id\":" + chat + ",\"text\":\"" + text + "\"}");
    }

    /** Queues the calls in the outbox, as handling an update does, and returns them with their ids. */
    private List<TelegramStore.Outgoing> queue(TelegramStore.Outgoing... calls) {
        return store.commit(null, List.of(), List.of(calls));
    }

    /**
     * Starts a queue (which takes what the outbox holds), hands it these calls as the bot does
     * once they are committed, and stops it when everything is delivered or refused.
     */
    private void deliver(TelegramStore.Outgoing... calls) {
        SendQueue q = new SendQueue(telegram, store, QUICK, counters);
        q.start(2);
        q.addAll(queue(calls));
        q.stop(30_000);
        assertThat(q.pending()).isZero();
    }

    @Test
    void theMessagesOfAChatLeaveInOrderAndAreMarkedSent() {
        deliver(message(7, "a1"), message(8, "b1"), message(7, "a2"), message(7, "a3"), message(-100, "g1"), message(8, "b2"));
        assertThat(telegram.to(7)).extracting(p -> p.replaceAll(".*\"text\":\"(\\w+)\".*", "$1")).containsExactly("a1", "a2", "a3");
        assertThat(telegram.to(8)).extracting(p -> p.replaceAll(".*\"text\":\"(\\w+)\".*", "$1")).containsExactly("b1", "b2");
        assertThat(store.unsent()).isEmpty();
        assertThat(counters.sentCalls()).isEqualTo(6);
    }

    @Test
    void aRefusedCallIsNotSentAgainAndTheChatGoesOn() {
        telegram.answer("bad", new Transport.Refused(400, "Bad Request: can't parse entities"));
        deliver(message(7, "bad"), message(7, "good"));
        assertThat(telegram.to(7)).hasSize(2);
        assertThat(store.unsent()).isEmpty();
        assertThat(counters.errors()).isEqualTo(1);
        assertThat(counters.sentCalls()).isEqualTo(1);
    }

    @Test
    void afterA429TheSameCallGoesAgainUnmarked() {
        telegram.answer("slow", new Transport.RetryAfter(5, true));
        deliver(message(7, "slow"), message(7, "next"));
        assertThat(telegram.to(7)).containsExactly(
                "{\"chat_id\":7,\"text\":\"slow\"}", "{\"chat_id\":7,\"text\":\"slow\"}", "{\"chat_id\":7,\"text\":\"next\"}");
        assertThat(counters.throttledCalls()).isEqualTo(1);
        assertThat(store.attempted()).isEmpty();
    }

    @Test
    void aCallThatGotNoAnswerGoesAgainMarkedAsARepeat() {
        telegram.answer("lost", new Transport.NoAnswer(5));
        deliver(message(7, "lost"));
        assertThat(telegram.to(7)).hasSize(2);
        assertThat(telegram.to(7).get(0)).doesNotContain(Repeats.MARK);
        assertThat(telegram.to(7).get(1)).contains(Repeats.MARK + "lost");
        assertThat(store.unsent()).isEmpty();
    }

    @Test
    void callsLeftInTheOutboxGoOutAtStartAndOneInFlightAtACrashIsMarked() {
        List<TelegramStore.Outgoing> left = queue(message(7, "inflight"), message(7, "waiting"));
        store.markAttempted(left.get(0).id()); // it went out, and the process died before Telegram's answer
        deliver(); // a new start: the queue reads the outbox itself
        assertThat(telegram.to(7)).containsExactly(
                "{\"chat_id\":7,\"text\":\"" + Repeats.MARK + "inflight\"}", "{\"chat_id\":7,\"text\":\"waiting\"}");
        assertThat(store.unsent()).isEmpty();
    }
}
