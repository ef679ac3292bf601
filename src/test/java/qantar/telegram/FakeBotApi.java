package qantar.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A strict fake of the Telegram Bot API over HTTP on 127.0.0.1, for tests: the real JSON, paths
 * /bot&lt;token&gt;/&lt;method&gt; with lowercase method names, long-polling getUpdates with offsets,
 * and Telegram's refusals: a wrong token (401), malformed HTML entities, texts over 4096
 * characters, callback data over 64 bytes, unanswerable callback or inline query ids, unmodified
 * edits, and 429 with retry_after past the rate limits. It records every accepted message and
 * counts requests that ignored a retry_after. After setWebhook it refuses getUpdates (409, as
 * Telegram does) and POSTs each update, one at a time and in order, to the webhook URL with the
 * secret token header, sending it again until it gets a 200; deleteWebhook returns to polling.
 */
final class FakeBotApi implements AutoCloseable {
    static final long BOT_ID = 7_000_000L;
    static final String BOT_USERNAME = "qantar_test_bot";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A document the bot sent (sendDocument, multipart), as accepted. */
    record Document(long chatId, String fileName, byte[] bytes, String captionHtml, String caption) {
    }

    /** A message the bot sent (or edited), as accepted. */
    record Sent(String method, long chatId, int messageId, String html, String text, JsonNode markup, Integer replyTo) {
        boolean hasButton(String dataPrefix) {
            return markup != null && markup.toString().contains("\"callback_data\":\"" + dataPrefix);
        }

        String data(String dataPrefix) {
            for (JsonNode row : markup.path("inline_keyboard")) {
                for (JsonNode b : row) {
                    if (b.path("callback_data").asText("").startsWith(dataPrefix)) {
                        return b.path("callback_data").asText();
                    }
                }
            }
            throw new AssertionError("no button " + dataPrefix + " in " + markup);
        }
    }

    private final String token;
    private final SendLimits limits;
    private final HttpServer server;
    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    private final Map<String, List<JsonNode>> calls = new HashMap<>();
    private final Map<Long, Integer> nextMessageId = new HashMap<>();
    private final Map<Long, String> userLang = new HashMap<>();
    private final Map<Integer, Integer> messageOfUpdate = new HashMap<>();
    private final Map<String, Sent> botMessages = new HashMap<>();
    private final Set<String> openCallbacks = new HashSet<>();
    private final Set<String> inaccessible = new HashSet<>();
    private final Set<String> openInline = new HashSet<>();
    private final Map<Long, Long> lastArrival = new HashMap<>();
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private final Map<Long, ArrayDeque<Long>> recentByGroup = new HashMap<>();
    private final Map<Long, Long> bannedUntil = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final List<Document> documents = new ArrayList<>();
    private long confirmed;
    private int nextUpdateId = 100;
    private int nextQueryId = 1;
    private int pollGeneration;
    private int tooMany;
    private int ignoredRetryAfter;
    private int storm;
    private int stormRetryAfter;
    private volatile boolean holdSends;
    private final List<Long> pollTimes = new ArrayList<>();
    private int failPolls;
    private int failPollCode;
    private int failPollRetryAfter;
    private int slowSends;
    private long slowSendMillis;
    private boolean closing;
    private int held;
    private String webhookUrl;
    private String webhookSecret;
    private Thread deliverer;
    private int lostAcks;
    private final List<Integer> webhookAnswers = new ArrayList<>();

    FakeBotApi(String token, SendLimits limits) {
        this.token = token;
        this.limits = limits;
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
        server.stop(0);
    }

    // ---- what users do ----

    synchronized int privateText(long userId, String lang, String text) {
        return message(userId, lang, privateChat(userId), text, null, null);
    }

    synchronized int groupText(long groupId, long userId, String text, Integer replyToBotMessage) {
        return message(userId, "ru", group(groupId), text, replyToBotMessage, null);
    }

    /** A non-text message (sticker, photo, voice) in a private chat. */
    synchronized int privateMedia(long userId, String kind) {
        ObjectNode media = JSON.createObjectNode();
        switch (kind) {
            case "sticker" -> {
                ObjectNode s = media.putObject("sticker");
                s.put("file_id", "s1").put("file_unique_id", "u1").put("type", "regular").put("width", 512).put("height", 512)
                        .put("is_animated", false).put("is_video", false);
            }
            case "photo" -> media.putArray("photo").addObject().put("file_id", "p1").put("file_unique_id", "u2").put("width", 90).put("height", 90);
            case "voice" -> media.putObject("voice").put("file_id", "v1").put("file_unique_id", "u3").put("duration", 2);
            default -> throw new IllegalArgumentException(kind);
        }
        return message(userId, "ru", privateChat(userId), null, null, media);
    }

    /** A document in a private chat; its bytes are served at /file/bot&lt;token&gt;/documents/&lt;name&gt; as Telegram does. */
    synchronized int privateDocument(long userId, String lang, String fileName, byte[] bytes) {
        String fileId = "doc" + (files.size() + 1);
        files.put(fileId, bytes);
        ObjectNode extra = JSON.createObjectNode();
        extra.putObject("document").put("file_id", fileId).put("file_unique_id", "u" + fileId).put("file_name", fileName)
                .put("mime_type", "application/x-yaml").put("file_size", bytes.length);
        return message(userId, lang, privateChat(userId), null, null, extra);
    }

    synchronized List<Document> documents() {
        return List.copyOf(documents);
    }

    private int message(long userId, String lang, ObjectNode chat, String text, Integer replyTo, ObjectNode extra) {
        userLang.put(userId, lang);
        long chatId = chat.get("id").asLong();
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", newMessageId(chatId));
        m.set("from", user(userId, lang));
        m.set("chat", chat);
        m.put("date", System.currentTimeMillis() / 1000);
        if (text != null) {
            m.put("text", text);
            if (text.startsWith("/")) {
                int len = text.contains(" ") ? text.indexOf(' ') : text.length();
                m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", len);
            }
        }
        if (extra != null) {
            m.setAll(extra);
        }
        if (replyTo != null) {
            m.set("reply_to_message", messageJson(botMessages.get(chatId + ":" + replyTo)));
        }
        ObjectNode u = newUpdate();
        u.set("message", m);
        messageOfUpdate.put(u.get("update_id").asInt(), m.get("message_id").asInt());
        return u.get("update_id").asInt();
    }

    /**
     * An update of any shape, as Telegram (or a broken proxy) might send it: the JSON of everything
     * but update_id, which the fake adds. Returns the update id.
     */
    synchronized int rawUpdate(String json) {
        try {
            ObjectNode u = newUpdate();
            u.setAll((ObjectNode) JSON.readTree(json));
            return u.get("update_id").asInt();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Presses a button under a message the bot sent; returns the callback query id. */
    synchronized String press(long userId, Sent message, String data) {
        Sent current = botMessages.get(message.chatId() + ":" + message.messageId());
        String id = "cq" + nextQueryId++;
        ObjectNode q = JSON.createObjectNode();
        q.put("id", id);
        q.set("from", user(userId, userLang.getOrDefault(userId, "ru")));
        q.set("message", messageJson(current));
        q.put("chat_instance", "ci" + message.chatId());
        q.put("data", data);
        openCallbacks.add(id);
        newUpdate().set("callback_query", q);
        return id;
    }

    /**
     * Presses a button under a message too old for the bot to edit: Telegram then sends it as an
     * "inaccessible message" (only chat, id and date 0), and refuses edits of it.
     */
    synchronized String pressInaccessible(long userId, Sent message, String data) {
        String id = press(userId, message, data);
        ObjectNode q = (ObjectNode) updates.get(updates.size() - 1).get("callback_query");
        ObjectNode m = q.putObject("message");
        m.set("chat", message.chatId() < 0 ? group(message.chatId()) : privateChat(message.chatId()));
        m.put("message_id", message.messageId()).put("date", 0);
        inaccessible.add(message.chatId() + ":" + message.messageId());
        return id;
    }

    synchronized String inlineQuery(long userId, String query) {
        String id = "iq" + nextQueryId++;
        ObjectNode q = JSON.createObjectNode();
        q.put("id", id);
        q.set("from", user(userId, "en"));
        q.put("query", query);
        q.put("offset", "");
        openInline.add(id);
        newUpdate().set("inline_query", q);
        return id;
    }

    private ObjectNode newUpdate() {
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", nextUpdateId++);
        updates.add(u);
        notifyAll();
        return u;
    }

    private static ObjectNode user(long id, String lang) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", id).put("is_bot", false).put("first_name", "User" + id).put("language_code", lang);
        return u;
    }

    private static ObjectNode privateChat(long userId) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", userId).put("type", "private").put("first_name", "User" + userId);
        return c;
    }

    private static ObjectNode group(long id) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id).put("type", "supergroup").put("title", "Test group");
        return c;
    }

    private ObjectNode messageJson(Sent s) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", s.messageId());
        m.set("from", botUser());
        m.set("chat", s.chatId() < 0 ? group(s.chatId()) : privateChat(s.chatId()));
        m.put("date", System.currentTimeMillis() / 1000);
        m.put("text", s.text());
        if (s.markup() != null) {
            m.set("reply_markup", s.markup());
        }
        return m;
    }

    private static ObjectNode botUser() {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", BOT_ID).put("is_bot", true).put("first_name", "Qantar Sources").put("username", BOT_USERNAME)
                .put("can_join_groups", true).put("can_read_all_group_messages", false).put("supports_inline_queries", true);
        return u;
    }

    private int newMessageId(long chatId) {
        int id = nextMessageId.getOrDefault(chatId, 1);
        nextMessageId.put(chatId, id + 1);
        return id;
    }

    // ---- what tests look at ----

    /** The message id of the user's message carried by an update. */
    synchronized int messageId(int updateId) {
        return messageOfUpdate.get(updateId);
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId() == chatId).toList();
    }

    synchronized List<JsonNode> calls(String method) {
        return List.copyOf(calls.getOrDefault(method, List.of()));
    }

    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    synchronized int tooManyRequests() {
        return tooMany;
    }

    /** Requests for a chat that came while a 429's retry_after still held for it. */
    synchronized int ignoredRetryAfter() {
        return ignoredRetryAfter;
    }

    synchronized boolean confirmed(int updateId) {
        return confirmed > updateId;
    }

    synchronized boolean callbackAnswered(String id) {
        return !openCallbacks.contains(id);
    }

    /** The next {@code count} messages get 429 with this retry_after, whatever the rate. */
    synchronized void storm(int count, int retryAfterSeconds) {
        storm = count;
        stormRetryAfter = retryAfterSeconds;
    }

    /** The next {@code count} getUpdates fail with this code (and retry_after when above 0). */
    synchronized void failPolls(int count, int code, int retryAfterSeconds) {
        failPolls = count;
        failPollCode = code;
        failPollRetryAfter = retryAfterSeconds;
    }

    /** When each getUpdates arrived (System.currentTimeMillis). */
    synchronized List<Long> pollTimes() {
        return List.copyOf(pollTimes);
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

    synchronized int heldSends() {
        return held;
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
                        case "getme" -> ok(botUser());
                        case "setmycommands" -> { validateCommands(method, req); yield ok(true); }
                        case "setwebhook" -> setWebhook(req);
                        case "deletewebhook" -> deleteWebhook();
                        case "getupdates" -> getUpdates(req);
                        case "sendmessage", "editmessagetext" -> message(method, req);
                        case "sendchataction" -> chatAction(req);
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
    synchronized void updateIdsFrom(int id) {
        nextUpdateId = id;
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

    /** Telegram's side of a webhook: the oldest unconfirmed update, POSTed until a 200 confirms it. */
    private void deliver() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        while (true) {
            ObjectNode next;
            String url;
            String secret;
            synchronized (this) {
                while (!closing && (webhookUrl == null || undelivered() == null)) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closing) {
                    return;
                }
                next = undelivered();
                url = webhookUrl;
                secret = webhookSecret;
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
                    confirmed = Math.max(confirmed, next.get("update_id").asLong() + 1);
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

    private ObjectNode undelivered() {
        for (ObjectNode u : updates) {
            if (u.get("update_id").asLong() >= confirmed) {
                return u;
            }
        }
        return null;
    }

    /** getFile: the file's path on the server, as Telegram gives it (valid for an hour there). */
    private synchronized ObjectNode getFile(JsonNode req) {
        String id = req.path("file_id").asText("");
        byte[] bytes = files.get(id);
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
            synchronized (this) {
                bytes = files.get(path.substring(prefix.length(), path.length() - ".yaml".length()));
            }
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
            if (!mode.equalsIgnoreCase("html")) {
                throw new Refusal(400, "Bad Request: the bot always sends HTML; parse_mode missing");
            }
            caption = checkedText(captionHtml);
            if (caption.length() > 1024) {
                throw new Refusal(400, "Bad Request: message caption is too long");
            }
        }
        long chatId = Long.parseLong(chat);
        synchronized (this) {
            rateLimit(chatId);
            documents.add(new Document(chatId, fileNames.get(field), doc, captionHtml, caption));
            ObjectNode m = JSON.createObjectNode();
            m.put("message_id", newMessageId(chatId));
            m.set("from", botUser());
            m.set("chat", chatId < 0 ? group(chatId) : privateChat(chatId));
            m.put("date", System.currentTimeMillis() / 1000);
            m.putObject("document").put("file_id", "sent" + documents.size()).put("file_unique_id", "us" + documents.size())
                    .put("file_name", fileNames.get(field));
            return ok(m);
        }
    }

    private static final class Refusal extends RuntimeException {
        final int code;
        final int retryAfter;

        Refusal(int code, String description) {
            this(code, description, 0);
        }

        Refusal(int code, String description, int retryAfter) {
            super(description);
            this.code = code;
            this.retryAfter = retryAfter;
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
            int generation = ++pollGeneration;
            notifyAll(); // a newer getUpdates ends an older one, as Telegram does (409)
            if (offset > 0) {
                confirmed = Math.max(confirmed, offset);
            }
            long end = System.currentTimeMillis() + timeoutMs;
            while (true) {
                if (generation != pollGeneration) {
                    throw new Refusal(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                }
                ArrayNode out = JSON.createArrayNode();
                for (ObjectNode u : updates) {
                    if (u.get("update_id").asLong() >= confirmed && out.size() < limit) {
                        out.add(u);
                    }
                }
                long left = end - System.currentTimeMillis();
                if (!out.isEmpty() || left <= 0 || closing) {
                    return ok(out);
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    return ok(out);
                }
            }
        }
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
        String text = checkedText(html);
        JsonNode markup = req.get("reply_markup");
        checkMarkup(markup);
        ObjectNode answer;
        long delay = 0;
        synchronized (this) {
            rateLimit(chatId);
            Sent s;
            if (method.equals("editmessagetext")) {
                int id = req.path("message_id").asInt();
                Sent old = botMessages.get(chatId + ":" + id);
                if (inaccessible.contains(chatId + ":" + id)) {
                    throw new Refusal(400, "Bad Request: message can't be edited");
                }
                if (old == null) {
                    throw new Refusal(400, "Bad Request: message to edit not found");
                }
                if (old.html().equals(html) && String.valueOf(old.markup()).equals(String.valueOf(markup))) {
                    throw new Refusal(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
                }
                s = new Sent(method, chatId, id, html, text, markup, old.replyTo());
            } else {
                JsonNode rp = req.path("reply_parameters").path("message_id");
                s = new Sent(method, chatId, newMessageId(chatId), html, text, markup, rp.isMissingNode() ? null : rp.asInt());
            }
            botMessages.put(chatId + ":" + s.messageId(), s);
            sent.add(s);
            answer = ok(messageJson(s));
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
        return answer;
    }

    /** A chat action during a chat's retry_after counts as ignoring it (Telegram counts actions too). */
    private synchronized ObjectNode chatAction(JsonNode req) {
        Long banned = bannedUntil.get(req.path("chat_id").asLong());
        if (banned != null && System.nanoTime() < banned) {
            ignoredRetryAfter++;
        }
        return ok(true);
    }

    /** Telegram's limits: 429 with retry_after when over them; requests ignoring a retry_after are counted. */
    private void rateLimit(long chatId) {
        long now = System.nanoTime();
        Long banned = bannedUntil.get(chatId);
        if (banned != null && now < banned) {
            ignoredRetryAfter++;
        }
        int retry = 0;
        if (storm > 0) {
            storm--;
            retry = stormRetryAfter;
        } else {
            Long last = lastArrival.get(chatId);
            long perChat = limits.perChatMillis() * 1_000_000L;
            if (last != null && now - last < perChat) {
                retry = (int) Math.max(1, Math.ceil((perChat - (now - last)) / 1e9));
            }
            while (!recent.isEmpty() && recent.peek() <= now - 1_000_000_000L) {
                recent.poll();
            }
            if (retry == 0 && recent.size() >= limits.perSecond()) {
                retry = 1;
            }
            if (retry == 0 && chatId < 0) {
                ArrayDeque<Long> g = recentByGroup.computeIfAbsent(chatId, k -> new ArrayDeque<>());
                long window = limits.groupWindowMillis() * 1_000_000L;
                while (!g.isEmpty() && g.peek() <= now - window) {
                    g.poll();
                }
                if (g.size() >= limits.perGroupWindow()) {
                    retry = (int) Math.max(1, Math.ceil((g.peek() + window - now) / 1e9));
                }
            }
        }
        if (retry > 0) {
            tooMany++;
            bannedUntil.put(chatId, now + retry * 1_000_000_000L);
            throw new Refusal(429, "Too Many Requests: retry after " + retry, retry);
        }
        lastArrival.put(chatId, now);
        recent.add(now);
        if (chatId < 0) {
            recentByGroup.computeIfAbsent(chatId, k -> new ArrayDeque<>()).add(now);
        }
    }

    private static String checkedText(String html) {
        String text;
        try {
            text = TelegramHtml.parse(html);
        } catch (TelegramHtml.Rejected e) {
            throw new Refusal(400, "Bad Request: " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new Refusal(400, "Bad Request: message text is empty");
        }
        if (text.length() > 4096) {
            throw new Refusal(400, "Bad Request: message is too long");
        }
        return text;
    }

    private static void checkMarkup(JsonNode markup) {
        if (markup == null) {
            return;
        }
        JsonNode rows = markup.get("inline_keyboard");
        if (rows == null || !rows.isArray()) {
            throw new Refusal(400, "Bad Request: can't parse reply keyboard markup JSON object");
        }
        for (JsonNode row : rows) {
            for (JsonNode b : row) {
                if (b.path("text").asText("").isEmpty()) {
                    throw new Refusal(400, "Bad Request: text buttons are unallowed in the inline keyboard");
                }
                JsonNode data = b.get("callback_data");
                JsonNode url = b.get("url");
                if ((data == null) == (url == null)) {
                    throw new Refusal(400, "Bad Request: inline keyboard button needs exactly one of callback_data, url");
                }
                if (data != null) {
                    int bytes = data.asText().getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > 64) {
                        throw new Refusal(400, "Bad Request: BUTTON_DATA_INVALID");
                    }
                }
                if (url != null && !url.asText().matches("(https?|tg)://\\S+")) {
                    throw new Refusal(400, "Bad Request: BUTTON_URL_INVALID");
                }
            }
        }
    }

    private void validateCommands(String method, JsonNode req) {
        if (!method.equals("setmycommands")) {
            return;
        }
        JsonNode list = req.path("commands");
        if (!list.isArray() || list.size() > 100) {
            throw new Refusal(400, "Bad Request: commands must be a list of at most 100");
        }
        for (JsonNode c : list) {
            if (!c.path("command").asText("").matches("[a-z0-9_]{1,32}")) {
                throw new Refusal(400, "Bad Request: BOT_COMMAND_INVALID");
            }
            int len = c.path("description").asText("").length();
            if (len < 1 || len > 256) {
                throw new Refusal(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }
    }

    private synchronized ObjectNode answerCallback(JsonNode req) {
        String id = req.path("callback_query_id").asText("");
        if (!openCallbacks.remove(id)) {
            throw new Refusal(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        }
        if (req.path("text").asText("").length() > 200) {
            throw new Refusal(400, "Bad Request: MESSAGE_TOO_LONG");
        }
        return ok(true);
    }

    private ObjectNode answerInline(JsonNode req) {
        String id = req.path("inline_query_id").asText("");
        JsonNode results = req.path("results");
        if (!results.isArray() || results.size() > 50) {
            throw new Refusal(400, "Bad Request: RESULTS_TOO_MUCH");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode r : results) {
            String rid = r.path("id").asText("");
            if (rid.isEmpty() || rid.getBytes(StandardCharsets.UTF_8).length > 64 || !ids.add(rid)) {
                throw new Refusal(400, "Bad Request: RESULT_ID_INVALID");
            }
            if (r.path("title").asText("").isEmpty()) {
                throw new Refusal(400, "Bad Request: RESULT_TITLE_EMPTY");
            }
            JsonNode content = r.path("input_message_content");
            if (!"html".equalsIgnoreCase(content.path("parse_mode").asText(""))) {
                throw new Refusal(400, "Bad Request: parse_mode missing in a result");
            }
            checkedText(content.path("message_text").asText(""));
            checkMarkup(r.get("reply_markup"));
        }
        synchronized (this) {
            if (!openInline.remove(id)) {
                throw new Refusal(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
            }
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
