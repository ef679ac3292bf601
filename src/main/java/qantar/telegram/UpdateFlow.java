package qantar.telegram;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import qantar.json.Json;
import qantar.store.StoreException;
import qantar.telegram.api.Backoff;
import qantar.telegram.api.Lanes;
import qantar.telegram.api.Updates;
import qantar.telegram.route.Reply;
import qantar.telegram.route.UpdateRouter;

/**
 * A stored update's way through the running bot: read, handed to its chat's lane, routed, and its
 * replies committed with its "handled" mark and queued for sending. While {@code running}, store
 * calls are retried; after, they give up and leave the update for the next start.
 */
record UpdateFlow(BotWiring parts, UpdateRouter router, Lanes lanes, BooleanSupplier running) {
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    /**
     * Hands a stored update to its chat's lane. One that cannot be read as an update (a string for a
     * number, an id past 2^63, a text given as an object) stays stored as received, is logged once
     * and acknowledged as handled, and stops nothing else.
     */
    void dispatch(long id, String json) {
        Update u;
        long key;
        try {
            u = Json.MAPPER.readValue(json, Update.class);
            key = Updates.orderKey(u);
        } catch (Exception e) {
            parts.counters.error();
            log.warn("update {} cannot be understood ({}); acknowledged without an answer", id, e.getClass().getSimpleName());
            Backoff.store(() -> parts.store.commit(id, List.of(), List.of()), running, log, "acknowledging update " + id);
            return;
        }
        try {
            lanes.submit(key, () -> handle(u));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: it stays unhandled in the store for the next start
        }
    }

    /**
     * Handles one update and commits its replies with its "handled" mark; a failure still answers
     * politely. A database error while answering is retried (the answer is composed again), and the
     * commit is retried until it lands or the bot stops (then the update is handled after restart).
     */
    private void handle(Update u) {
        long id = u.getUpdateId();
        Reply reply = Backoff.store(() -> parts.store.handled(id) ? null : route(u), running, log, "answering update " + id);
        if (reply == null) {
            return;
        }
        if (reply.hasCallback() && !reply.callbackAnswered()) {
            reply.answerCallback(null);
        }
        parts.queue.addAll(Backoff.store(() -> parts.store.commit(id, reply.writes(), reply.calls()), running, log, "committing update " + id));
    }

    /** The reply to an update; a store error goes up to be retried, any other failure gets the polite reply. */
    private Reply route(Update u) {
        try {
            return router.route(u);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            parts.counters.error();
            log.error("handling update {} failed: {}", u.getUpdateId(), e.toString());
            return router.failure(u);
        }
    }
}
