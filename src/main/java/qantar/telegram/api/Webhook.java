package qantar.telegram.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qantar.json.Json;
import qantar.store.SecretKey;

/**
 * Webhook mode (TELEGRAM_WEBHOOK_URL): Telegram POSTs each update to the web server instead of
 * answering getUpdates. A request counts only with the secret token given in setWebhook, derived
 * from the program's secret so every instance on one database checks the same one. An update is
 * stored in the inbox, as the poller stores it, before the 200 goes back: a 200 lost on the way
 * makes Telegram send it again, and the inbox keeps one row per update_id, so it is answered once.
 */
public final class Webhook {
    /** The header Telegram sends the secret token in. */
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(Webhook.class);

    private final String url;
    private final String path;
    private final byte[] secret;
    private final TelegramStore store;
    private volatile BiConsumer<Long, String> dispatch;

    public Webhook(String url, TelegramStore store, SecretKey key) {
        URI u;
        try {
            u = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new BotStartException("TELEGRAM_WEBHOOK_URL is not a URL: " + url);
        }
        if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null
                || u.getRawPath() == null || u.getRawPath().length() < 2 || u.getRawQuery() != null) {
            throw new BotStartException("TELEGRAM_WEBHOOK_URL must look like https://host/telegram/<path>, not " + url);
        }
        if (!u.getScheme().equals("https")) {
            log.warn("TELEGRAM_WEBHOOK_URL is not https; Telegram itself delivers only to https addresses");
        }
        this.url = u.toString();
        this.path = u.getRawPath();
        this.store = store;
        // Telegram allows 1-256 characters of A-Z, a-z, 0-9, _ and -: hex fits
        this.secret = HexFormat.of().formatHex(key.derive("telegram webhook")).getBytes(StandardCharsets.US_ASCII);
    }

    /** The path on the web server that takes the updates (the path of TELEGRAM_WEBHOOK_URL). */
    public String path() {
        return path;
    }

    /**
     * One POST from Telegram: the status to answer. 401 without the right secret (nothing stored),
     * 503 while the bot is not running (Telegram tries again later), 200 once the update is stored.
     */
    public int receive(String secretHeader, String body) {
        if (secretHeader == null || !MessageDigest.isEqual(secret, secretHeader.getBytes(StandardCharsets.UTF_8))) {
            return 401;
        }
        BiConsumer<Long, String> to = dispatch;
        if (to == null) {
            return 503;
        }
        Map<Long, String> update;
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                return 400;
            }
            Long id = Poller.updateId(node); // the same id rule as getUpdates
            if (id == null) {
                log.warn("skipped 1 update(s) without a readable update_id");
            }
            update = id == null ? Map.of() : Map.of(id, body);
        } catch (IOException e) {
            return 400;
        }
        List<Long> fresh;
        try {
            fresh = store.receive(update);
        } catch (RuntimeException e) {
            log.warn("storing a webhook update failed, Telegram sends it again: {}", e.toString());
            return 500;
        }
        fresh.forEach(id -> to.accept(id, update.get(id)));
        return 200;
    }

    /** Whether this instance takes updates now (the bot runs here; a standby waiting for the consumer lock does not). */
    public boolean taking() {
        return dispatch != null;
    }

    /** Takes updates from now on, handing each new one to {@code dispatch}. */
    public void open(BiConsumer<Long, String> dispatch) {
        this.dispatch = dispatch;
    }

    /** Refuses updates from now on (503): Telegram keeps them until the next start. */
    public void close() {
        this.dispatch = null;
    }

    /**
     * setWebhook with the URL, the secret and the update kinds polling asks for; retried while the
     * Bot API is unreachable or asks to wait (up to {@code retryMillis}), a refusal stops the start.
     */
    public void register(Transport transport, List<String> allowedUpdates, long retryMillis) {
        var request = Json.MAPPER.createObjectNode().put("url", url).put("secret_token", new String(secret, StandardCharsets.US_ASCII));
        allowedUpdates.forEach(request.putArray("allowed_updates")::add);
        long deadline = System.currentTimeMillis() + retryMillis;
        while (true) {
            Transport.Result r = transport.call("setwebhook", request.toString());
            if (r instanceof Transport.Accepted) {
                return;
            }
            if (r instanceof Transport.Refused refused) {
                throw new BotStartException("the Bot API refused setWebhook for " + url + ": " + refused.code() + " " + refused.description());
            }
            long wait = r instanceof Transport.RetryAfter ra ? ra.millis() : ((Transport.NoAnswer) r).millis();
            if (System.currentTimeMillis() + wait > deadline || !Threads.sleep(wait)) {
                throw new BotStartException("setWebhook for " + url + " did not succeed within " + retryMillis / 1000 + " s");
            }
        }
    }
}
