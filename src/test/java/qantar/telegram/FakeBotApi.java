package qantar.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import qantar.telegram.TelegramRules.Refusal;
import qantar.telegram.TelegramWorld.Document;
import qantar.telegram.TelegramWorld.Sent;
import qantar.telegram.api.SendLimits;

/**
 * A strict fake of the Telegram Bot API over HTTP on 127.0.0.1, for tests: the real JSON, paths
 * /bot&lt;token&gt;/&lt;method&gt; with lowercase method names, long-polling getUpdates with offsets,
 * and Telegram's refusals: a wrong token (401), malformed HTML entities, texts over 4096
 * characters, callback data over 64 bytes, unanswerable callback or inline query ids, unmodified
 * edits, and 429 with retry_after past the rate limits. It records every accepted message and
 * counts requests that ignored a retry_after.
 *
 * <p>This is the HTTP shell and the faults a test can inject; the chats, users and messages are
 * the {@link TelegramWorld}, what Telegram accepts is {@link TelegramRules}.
 *
 * <p>After setWebhook it refuses getUpdates (409, as
 * Telegram does) and POSTs each update, one at a time and in order, to the webhook URL with the
 * secret token header, sending it again until it gets a 200; deleteWebhook returns to polling.
 */
final class FakeBotApi implements AutoCloseable {
    static final long BOT_ID = TelegramWorld.BOT_ID;
    static final String BOT_USERNAME = TelegramWorld.BOT_USERNAME;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final HttpServer server;
    private final TelegramWorld world = new TelegramWorld();
    private boolean closing;
    private final TelegramRules rules;
    private final List<String> refusals = new ArrayList<>();
    private final Map<String, List<JsonNode>> calls = new HashMap<>();
    private final List<Long> pollTimes = new ArrayList<>();
    private volatile boolean holdSends;
    private int failPolls;
    private int failPollCode;
    private int failPollRetryAfter;
    private int slowSends;
    private long slowSendMillis;
    private int held;
    private String webhookUrl;
    private String webhookSecret;
    private Thread deliverer;
    private int lostAcks;
    private int forgedSecrets;
    private final List<Integer> webhookAnswers = new ArrayList<>();

    FakeBotApi(String token, SendLimits limits) {
        this.token = token;
        this.rules = new TelegramRules(limits);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::serve);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        world.close();
        server.stop(0);
    }

    // ---- what users do ----

    int privateText(long userId, String lang, String text) {
        return world.privateText(userId, lang, text);
    }

    int groupText(long groupId, long userId, String text, Integer replyToBotMessage) {
        return world.groupText(groupId, userId, text, replyToBotMessage);
    }

    /** A non-text message (sticker, photo, voice) in a private chat. */
    int privateMedia(long userId, String kind) {
        return world.privateMedia(userId, kind);
    }

    /** A document in a private chat; its bytes are served at /file/bot&lt;token&gt;/documents/&lt;name&gt; as Telegram does. */
    int privateDocument(long userId, String lang, String fileName, byte[] bytes) {
        return world.privateDocument(userId, lang, fileName, bytes);
    }

    /**
     * An update of any shape, as Telegram (or a broken proxy) might send it: the JSON of everything
     * but update_id, which the fake adds. Returns the update id.
     */
    int rawUpdate(String json) {
        return world.rawUpdate(json);
    }

    /** Presses a button under a message the bot sent; returns the callback query id. */
    String press(long userId, Sent message, String data) {
        return world.press(userId, message, data);
    }

    /** Presses a button under a message too old for the bot to edit (an "inaccessible message"). */
    String pressInaccessible(long userId, Sent message, String data) {
        return world.pressInaccessible(userId, message, data);
    }

    String inlineQuery(long userId, String query) {
        return world.inlineQuery(userId, query);
    }

    // ---- what tests look at ----

    /** The message id of the user's message carried by an update. */
    int messageId(int updateId) {
        return world.messageId(updateId);
    }

    List<Sent> sent() {
        return world.sent();
    }

    List<Sent> sentTo(long chatId) {
        return world.sentTo(chatId);
    }

    List<Document> documents() {
        return world.documents();
    }

    boolean confirmed(int updateId) {
        return world.confirmed(updateId);
    }

    boolean callbackAnswered(String id) {
        return world.callbackAnswered(id);
    }

    synchronized List<JsonNode> calls(String method) {
        return List.copyOf(calls.getOrDefault(method, List.of()));
    }

    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    int tooManyRequests() {
        return rules.tooManyRequests();
    }

    /** Requests for a chat that came while a 429's retry_after still held for it. */
    int ignoredRetryAfter() {
        return rules.ignoredRetryAfter();
    }

    /** When each getUpdates arrived (System.currentTimeMillis). */
    synchronized List<Long> pollTimes() {
        return List.copyOf(pollTimes);
    }

    synchronized int heldSends() {
        return held;
    }

    // ---- faults ----

    /** The next {@code count} messages get 429 with this retry_after, whatever the rate. */
    void storm(int count, int retryAfterSeconds) {
        rules.storm(count, retryAfterSeconds);
    }

    /** The next {@code count} getUpdates fail with this code (and retry_after when above 0). */
    synchronized void failPolls(int count, int code, int retryAfterSeconds) {
        failPolls = count;
        failPollCode = code;
        failPollRetryAfter = retryAfterSeconds;
    }

    /** The next {@code count} sendMessage calls are accepted, but answered only after {@code millis}. */
    synchronized void slowSends(int count, long millis) {
        slowSends = count;
        slowSendMillis = millis;
    }

    /** While held, sendMessage requests are refused with a 500 and nothing is recorded (Telegram down). */
    void holdSends(boolean hold) {
        holdSends = hold;
    }

    /** Waits until the condition holds, failing the test after the timeout. */
    static void await(BooleanSupplier condition, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    Sent awaitSent(Predicate<Sent> p, String what) {
        await(() -> sent().stream().anyMatch(p), Duration.ofSeconds(15), what);
        return sent().stream().filter(p).reduce((a, b) -> b).orElseThrow();
    }

    // ---- the HTTP side ----

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (path.startsWith("/file/")) {
                download(ex, path);
                return;
            }
            if (!path.startsWith("/bot")) {
                respond(ex, 404, error(404, "Not Found"));
                return;
            }
            if (!path.startsWith(prefix)) {
                respond(ex, 401, error(401, "Unauthorized"));
                return;
            }
            // Telegram matches method names case-insensitively; TelegramBots sends most in lowercase
            String method = path.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT);
            byte[] body = ex.getRequestBody().readAllBytes();
            String contentType = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
            JsonNode req = null;
            ObjectNode answer;
            try {
                if (method.equals("senddocument")) {
                    answer = sendDocument(contentType, body); // multipart: kept in documents(), not as JSON
                } else {
                    req = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
                    answer = switch (method) {
                        case "getme" -> ok(TelegramWorld.botUser());
                        case "setmycommands" -> { TelegramRules.checkCommands(req); yield ok(true); }
                        case "setwebhook" -> setWebhook(req);
                        case "deletewebhook" -> deleteWebhook();
                        case "getupdates" -> getUpdates(req);
                        case "sendmessage", "editmessagetext" -> message(method, req);
                        case "sendchataction" -> { rules.chatAction(req.path("chat_id").asLong()); yield ok(true); }
                        case "getfile" -> getFile(req);
                        case "answercallbackquery" -> answerCallback(req);
                        case "answerinlinequery" -> answerInline(req);
                        default -> throw new Refusal(404, "Not Found");
                    };
                }
            } catch (Refusal r) {
                synchronized (this) {
                    refusals.add(method + ": " + r.code + " " + r.getMessage());
                }
                answer = error(r.code, r.getMessage());
                if (r.retryAfter > 0) {
                    answer.putObject("parameters").put("retry_after", r.retryAfter);
                }
                respond(ex, r.code, answer);
                return;
            }
            if (req != null) {
                synchronized (this) {
                    calls.computeIfAbsent(method, k -> new ArrayList<>()).add(req);
                }
            }
            respond(ex, 200, answer);
        }
    }

    private synchronized ObjectNode setWebhook(JsonNode req) {
        String url = req.path("url").asText("");
        // Telegram wants https; the fake also takes http on the loopback address, where tests serve
        if (!url.matches("https://\\S+|http://(127\\.0\\.0\\.1|localhost):\\d+/\\S*")) {
            throw new Refusal(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }
        String secret = req.path("secret_token").asText("");
        if (!secret.isEmpty() && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
            throw new Refusal(400, "Bad Request: secret token contains unallowed characters");
        }
        webhookUrl = url;
        webhookSecret = secret.isEmpty() ? null : secret;
        if (deliverer == null) {
            deliverer = new Thread(this::deliver, "fake-bot-api-webhook");
            deliverer.setDaemon(true);
            deliverer.start();
        }
        notifyAll();
        return ok(true);
    }

    /** Back to getUpdates; updates not yet delivered stay for it (no drop_pending_updates). */
    private synchronized ObjectNode deleteWebhook() {
        webhookUrl = null;
        webhookSecret = null;
        notifyAll();
        return ok(true);
    }

    /** Update ids go on from {@code id} (Telegram's grow across restarts of the bot, unlike a new fake's). */
    void updateIdsFrom(int id) {
        world.updateIdsFrom(id);
    }

    /** A webhook left set from before (another deployment, an earlier run in webhook mode). */
    void presetWebhook(String url) {
        setWebhook(JSON.createObjectNode().put("url", url));
    }

    synchronized String webhookUrl() {
        return webhookUrl;
    }

    /** The statuses the webhook answered, in order. */
    synchronized List<Integer> webhookAnswers() {
        return List.copyOf(webhookAnswers);
    }

    /** The next {@code count} 200s from the webhook are lost on the way back, so Telegram sends those updates again. */
    synchronized void loseAcks(int count) {
        lostAcks = count;
    }

    /**
     * The next {@code count} deliveries to the webhook carry no secret token, then a wrong one, in
     * turn (a stranger's requests, or a secret changed under a running bot); each is sent again.
     */
    synchronized void forgeSecrets(int count) {
        forgedSecrets = count;
    }

    /** Telegram's side of a webhook: the oldest unconfirmed update, POSTed until a 200 confirms it. */
    private void deliver() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        while (true) {
            ObjectNode next;
            String url;
            String secret;
            synchronized (this) {
                while (!closing && (webhookUrl == null || world.undelivered() == null)) {
                    try {
                        wait(50); // the world's updates arrive under its own monitor
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closing) {
                    return;
                }
                next = world.undelivered();
                url = webhookUrl;
                secret = webhookSecret;
                if (forgedSecrets > 0) {
                    secret = forgedSecrets-- % 2 == 0 ? null : secret + "x";
                }
            }
            int status;
            try {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(next.toString()));
                if (secret != null) {
                    request.header("X-Telegram-Bot-Api-Secret-Token", secret);
                }
                status = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                webhookAnswers.add(status);
                if (status == 200 && lostAcks > 0) {
                    lostAcks--;
                } else if (status == 200) {
                    world.confirmThrough(next.get("update_id").asLong());
                } else {
                    try {
                        wait(200); // Telegram waits before it tries again
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** getFile: the file's path on the server, as Telegram gives it (valid for an hour there). */
    private ObjectNode getFile(JsonNode req) {
        String id = req.path("file_id").asText("");
        byte[] bytes = world.file(id);
        if (bytes == null) {
            throw new Refusal(400, "Bad Request: invalid file_id");
        }
        ObjectNode f = JSON.createObjectNode();
        f.put("file_id", id).put("file_unique_id", "u" + id).put("file_size", bytes.length).put("file_path", "documents/" + id + ".yaml");
        return ok(f);
    }

    /** GET /file/bot&lt;token&gt;/&lt;file_path&gt;: the file's bytes; a wrong token or path is a 404. */
    private void download(HttpExchange ex, String path) throws IOException {
        String prefix = "/file/bot" + token + "/documents/";
        byte[] bytes = null;
        if (path.startsWith(prefix) && path.endsWith(".yaml")) {
            bytes = world.file(path.substring(prefix.length(), path.length() - ".yaml".length()));
        }
        if (bytes == null) {
            respond(ex, 404, error(404, "Not Found"));
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** sendDocument as multipart/form-data (what the library sends for a new file): chat_id, document, caption, parse_mode. */
    private ObjectNode sendDocument(String contentType, byte[] body) {
        java.util.regex.Matcher b = java.util.regex.Pattern.compile("boundary=\"?([^\";]+)").matcher(contentType);
        if (!contentType.startsWith("multipart/form-data") || !b.find()) {
            throw new Refusal(400, "Bad Request: there is no document in the request");
        }
        Map<String, byte[]> parts = new HashMap<>();
        Map<String, String> fileNames = new HashMap<>();
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i <= body.length - delimiter.length; i++) {
            if (java.util.Arrays.equals(body, i, i + delimiter.length, delimiter, 0, delimiter.length)) {
                starts.add(i);
            }
        }
        for (int k = 0; k + 1 < starts.size(); k++) {
            int from = starts.get(k) + delimiter.length + 2; // past CRLF
            int to = starts.get(k + 1) - 2; // before CRLF
            String part = new String(body, from, to - from, StandardCharsets.ISO_8859_1);
            int headerEnd = part.indexOf("\r\n\r\n");
            String headers = part.substring(0, headerEnd);
            java.util.regex.Matcher n = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            if (!n.find()) {
                continue;
            }
            int dataFrom = from + headerEnd + 4;
            parts.put(n.group(1), java.util.Arrays.copyOfRange(body, dataFrom, to));
            java.util.regex.Matcher fn = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
            if (fn.find()) {
                fileNames.put(n.group(1), fn.group(1));
            }
        }
        String chat = parts.containsKey("chat_id") ? new String(parts.get("chat_id"), StandardCharsets.UTF_8) : "";
        if (!chat.matches("-?\\d+")) {
            throw new Refusal(400, "Bad Request: chat_id is empty");
        }
        // the file is either the "document" part itself or, as TelegramBots sends it, "attach://<part>"
        String field = "document";
        byte[] doc = parts.get(field);
        if (doc != null && !fileNames.containsKey(field)) {
            String ref = new String(doc, StandardCharsets.UTF_8);
            field = ref.startsWith("attach://") ? ref.substring("attach://".length()) : null;
            doc = field == null ? null : parts.get(field);
        }
        if (doc == null || doc.length == 0 || !fileNames.containsKey(field)) {
            throw new Refusal(400, "Bad Request: there is no document in the request");
        }
        String captionHtml = parts.containsKey("caption") ? new String(parts.get("caption"), StandardCharsets.UTF_8) : "";
        String caption = "";
        if (!captionHtml.isEmpty()) {
            String mode = parts.containsKey("parse_mode") ? new String(parts.get("parse_mode"), StandardCharsets.UTF_8) : "";
            caption = TelegramRules.checkedCaption(captionHtml, mode);
        }
        long chatId = Long.parseLong(chat);
        synchronized (world) {
            rules.rateLimit(chatId);
            return ok(world.sendDocument(chatId, fileNames.get(field), doc, captionHtml, caption));
        }
    }

    private ObjectNode getUpdates(JsonNode req) {
        long offset = req.path("offset").asLong(0);
        int limit = req.path("limit").asInt(100);
        long timeoutMs = req.path("timeout").asLong(0) * 1000;
        synchronized (this) {
            if (webhookUrl != null) {
                throw new Refusal(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }
            pollTimes.add(System.currentTimeMillis());
            if (failPolls > 0) {
                failPolls--;
                throw new Refusal(failPollCode, failPollCode == 429 ? "Too Many Requests: retry after " + failPollRetryAfter
                        : "Internal Server Error", failPollCode == 429 ? failPollRetryAfter : 0);
            }
        }
        return ok(world.updates(offset, limit, timeoutMs));
    }

    private ObjectNode message(String method, JsonNode req) {
        if (holdSends && method.equals("sendmessage")) {
            synchronized (this) {
                held++;
            }
            throw new Refusal(500, "Internal Server Error");
        }
        long chatId = req.path("chat_id").asLong(0);
        if (chatId == 0) {
            throw new Refusal(400, "Bad Request: chat_id is empty");
        }
        if (!"html".equalsIgnoreCase(req.path("parse_mode").asText(""))) {
            throw new Refusal(400, "Bad Request: the bot always sends HTML; parse_mode missing");
        }
        String html = req.path("text").asText("");
        String text = TelegramRules.checkedText(html);
        JsonNode markup = req.get("reply_markup");
        TelegramRules.checkMarkup(markup);
        Sent s;
        synchronized (world) {
            rules.rateLimit(chatId);
            if (method.equals("editmessagetext")) {
                s = world.edit(method, chatId, req.path("message_id").asInt(), html, text, markup);
            } else {
                JsonNode rp = req.path("reply_parameters").path("message_id");
                s = world.send(method, chatId, html, text, markup, rp.isMissingNode() ? null : rp.asInt());
            }
        }
        long delay = 0;
        synchronized (this) {
            if (slowSends > 0 && method.equals("sendmessage")) {
                slowSends--;
                delay = slowSendMillis;
            }
        }
        if (delay > 0) {
            try {
                Thread.sleep(delay); // delivered, but the answer comes late (Telegram hung after accepting)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ok(TelegramWorld.messageJson(s));
    }

    private ObjectNode answerCallback(JsonNode req) {
        if (!world.closeCallback(req.path("callback_query_id").asText(""))) {
            throw new Refusal(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        }
        TelegramRules.checkCallbackAnswer(req);
        return ok(true);
    }

    private ObjectNode answerInline(JsonNode req) {
        TelegramRules.checkInlineResults(req.path("results"));
        if (!world.closeInline(req.path("inline_query_id").asText(""))) {
            throw new Refusal(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        }
        return ok(true);
    }

    private static ObjectNode ok(Object result) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ok", true);
        n.set("result", JSON.valueToTree(result));
        return n;
    }

    private static ObjectNode error(int code, String description) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ok", false).put("error_code", code).put("description", description);
        return n;
    }

    private static void respond(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
