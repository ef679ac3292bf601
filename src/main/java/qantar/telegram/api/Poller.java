package qantar.telegram.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qantar.json.Json;

/**
 * Long polling that never loses an update: each batch is stored, as the exact JSON text Telegram
 * sent, before the next getUpdates confirms it (its offset moves past an update only once that
 * update is stored); storing is retried with back-off while the batch waits. Updates are handed on
 * one by one, so one that cannot be understood stops nothing else. Failures of the Bot API are
 * retried after a wait that grows to at most 30 s (with jitter), or exactly the {@code retry_after}
 * Telegram asks for; each streak of failures logs one WARN, and its end one INFO.
 */
public final class Poller {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    static final long MAX_WAIT_MILLIS = 30_000;

    private final OkHttpClient http;
    private final String getUpdatesUrl;
    private final String body;
    private final TelegramStore store;
    private final BiConsumer<Long, String> dispatch;
    private final UnaryOperator<String> redact;
    private final Backoff backoff = new Backoff(1000, MAX_WAIT_MILLIS);
    private volatile boolean running;
    private volatile Call inFlight;
    private Thread thread;
    private long offset;

    /**
     * @param baseUrl  scheme://host:port/bot&lt;token&gt;
     * @param dispatch receives each newly stored update (its id and JSON), in update order
     */
    public Poller(OkHttpClient http, String baseUrl, int pollSeconds, List<String> allowedUpdates, TelegramStore store,
           BiConsumer<Long, String> dispatch, UnaryOperator<String> redact) {
        this.http = http;
        this.getUpdatesUrl = baseUrl + "/getUpdates";
        this.store = store;
        this.dispatch = dispatch;
        this.redact = redact;
        var request = Json.MAPPER.createObjectNode().put("limit", 100).put("timeout", pollSeconds);
        allowedUpdates.forEach(request.putArray("allowed_updates")::add);
        this.body = request.toString();
    }

    public synchronized void start(long lastStoredUpdateId) {
        offset = lastStoredUpdateId;
        running = true;
        thread = new Thread(this::loop, "tg-poll");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops polling; a batch not yet stored stays with Telegram (it was never confirmed). */
    public void stop() {
        running = false;
        Call c = inFlight;
        if (c != null) {
            c.cancel();
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            Threads.join(t, 2000);
        }
    }

    private void loop() {
        while (running) {
            long wait = pollOnce();
            if (wait > 0 && !Threads.sleep(wait)) {
                return;
            }
        }
    }

    /** One getUpdates and what follows; returns how long to wait before the next. */
    long pollOnce() {
        String json = offset == 0 ? body : body.substring(0, body.length() - 1) + ",\"offset\":" + (offset + 1) + "}";
        Request request = new Request.Builder().url(getUpdatesUrl).post(RequestBody.create(json, JSON_TYPE)).build();
        String text;
        int status;
        try {
            Call call = http.newCall(request);
            inFlight = call;
            try (Response r = call.execute()) {
                status = r.code();
                text = r.body() == null ? "" : r.body().string();
            }
        } catch (IOException e) {
            return running ? failed("cannot reach the Bot API: " + redact.apply(e.toString())) : 0;
        } finally {
            inFlight = null;
        }
        JsonNode answer;
        Map<Long, String> batch;
        try {
            answer = Json.MAPPER.readTree(text);
            batch = status == 200 && answer.path("ok").asBoolean() ? updates(text) : null;
        } catch (IOException e) {
            return failed("getUpdates answered " + status + " with something that is not JSON");
        }
        if (batch == null) {
            long retryAfter = answer.path("parameters").path("retry_after").asLong(0);
            String why = "getUpdates answered " + status + " " + redact.apply(answer.path("description").asText(""));
            if (retryAfter > 0) {
                failed(why);
                return retryAfter * 1000;
            }
            return failed(why);
        }
        recovered();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Long> fresh;
        try {
            fresh = Backoff.store(() -> store.receive(batch), () -> running, log, "storing " + batch.size() + " update(s)");
        } catch (RuntimeException e) {
            return 0; // stopping before it was stored: not confirmed, so Telegram gives it again
        }
        offset = Math.max(offset, batch.keySet().stream().mapToLong(Long::longValue).max().orElse(offset));
        for (var u : batch.entrySet()) {
            if (fresh.contains(u.getKey())) {
                dispatch.accept(u.getKey(), u.getValue());
            }
        }
        return 0;
    }

    private long failed(String why) {
        if (backoff.failures() == 0) {
            log.warn("{}; retrying (waits grow to {} s)", why, MAX_WAIT_MILLIS / 1000);
        }
        return backoff.next();
    }

    private void recovered() {
        if (backoff.failures() > 0) {
            log.info("getUpdates works again after {} failed attempt(s)", backoff.failures());
            backoff.reset();
        }
    }

    /**
     * The updates of a getUpdates answer by id, each as the exact text Telegram sent, in order. An
     * element without a readable update_id cannot be stored or confirmed by id; it is logged and
     * skipped (the offset of the others still moves past it).
     */
    static Map<Long, String> updates(String answer) throws IOException {
        Map<Long, String> out = new LinkedHashMap<>();
        int unreadable = 0;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(answer)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("result") || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    int end = (int) p.currentLocation().getCharOffset();
                    String raw = answer.substring(start, end);
                    Long id = updateId(Json.MAPPER.readTree(raw));
                    if (id != null) {
                        out.put(id, raw);
                    } else {
                        unreadable++;
                    }
                }
            }
        }
        if (unreadable > 0) {
            log.warn("skipped {} update(s) without a readable update_id", unreadable);
        }
        return out;
    }

    /** An update's id, or null when it has none that can be stored and confirmed (a webhook's POST follows the same rule). */
    static Long updateId(JsonNode update) {
        JsonNode id = update.path("update_id");
        return id.isIntegralNumber() && id.canConvertToLong() || id.isTextual() && id.asText().matches("\\d{1,18}") ? id.asLong() : null;
    }
}
