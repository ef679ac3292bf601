package qantar.telegram.citizen;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import qantar.telegram.api.TelegramStore;

/** Whether a user prefers full answers in private chats (/settings); compact is the default. */
final class AnswerForms {
    static final String FULL = "full";
    private final TelegramStore store;
    private final Map<Long, Boolean> full = new ConcurrentHashMap<>();

    AnswerForms(TelegramStore store) {
        this.store = store;
    }

    boolean prefersFull(long userId) {
        return full.computeIfAbsent(userId, id -> store.userAnswers(id).map(FULL::equals).orElse(false));
    }

    /** Records a choice and returns the write that keeps it. */
    TelegramStore.Write choose(long userId, boolean prefersFull) {
        full.put(userId, prefersFull);
        return TelegramStore.setUserAnswers(userId, prefersFull ? FULL : null);
    }
}
