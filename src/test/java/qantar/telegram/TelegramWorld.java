package qantar.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import qantar.telegram.TelegramRules.Refusal;

/**
 * The fake Telegram's world: users and their chats, the updates they cause (messages, button
 * presses, inline queries, documents), the messages the bot sent and edited, which callback and
 * inline queries are still open, and the getUpdates offset the bot confirmed. One monitor guards
 * it all; a long poll waits on it for the next update.
 */
final class TelegramWorld {
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

    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final Map<Long, Integer> nextMessageId = new HashMap<>();
    private final Map<Long, String> userLang = new HashMap<>();
    private final Map<Integer, Integer> messageOfUpdate = new HashMap<>();
    private final Map<String, Sent> botMessages = new HashMap<>();
    private final Set<String> openCallbacks = new HashSet<>();
    private final Set<String> inaccessible = new HashSet<>();
    private final Set<String> openInline = new HashSet<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final List<Document> documents = new ArrayList<>();
    private long confirmed;
    private int nextUpdateId = 100;
    private int nextQueryId = 1;
    private int pollGeneration;
    private boolean closing;

    /** Ends every long poll at once (the server is stopping). */
    synchronized void close() {
        closing = true;
        notifyAll();
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

    /** A document in a private chat; its bytes are kept for getFile and the download. */
    synchronized int privateDocument(long userId, String lang, String fileName, byte[] bytes) {
        String fileId = "doc" + (files.size() + 1);
        files.put(fileId, bytes);
        ObjectNode extra = JSON.createObjectNode();
        extra.putObject("document").put("file_id", fileId).put("file_unique_id", "u" + fileId).put("file_name", fileName)
                .put("mime_type", "application/x-yaml").put("file_size", bytes.length);
        return message(userId, lang, privateChat(userId), null, null, extra);
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
        m.set("chat", chat(message.chatId()));
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

    // ---- what the bot does ----

    /**
     * getUpdates: confirms the updates before {@code offset} and returns those from it on, waiting
     * up to {@code timeoutMs} for one. A newer getUpdates ends an older one with 409, as Telegram does.
     */
    synchronized ArrayNode updates(long offset, int limit, long timeoutMs) {
        int generation = ++pollGeneration;
        notifyAll();
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
                return out;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                return out;
            }
        }
    }

    /** A new message from the bot in a chat, as accepted. */
    synchronized Sent send(String method, long chatId, String html, String text, JsonNode markup, Integer replyTo) {
        return keep(new Sent(method, chatId, newMessageId(chatId), html, text, markup, replyTo));
    }

    /** An edit of the bot's message: refused when it is inaccessible, unknown, or would not change. */
    synchronized Sent edit(String method, long chatId, int id, String html, String text, JsonNode markup) {
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
        return keep(new Sent(method, chatId, id, html, text, markup, old.replyTo()));
    }

    private Sent keep(Sent s) {
        botMessages.put(s.chatId() + ":" + s.messageId(), s);
        sent.add(s);
        return s;
    }

    /** A document from the bot, kept; returns the message Telegram answers with. */
    synchronized ObjectNode sendDocument(long chatId, String fileName, byte[] bytes, String captionHtml, String caption) {
        documents.add(new Document(chatId, fileName, bytes, captionHtml, caption));
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", newMessageId(chatId));
        m.set("from", botUser());
        m.set("chat", chat(chatId));
        m.put("date", System.currentTimeMillis() / 1000);
        m.putObject("document").put("file_id", "sent" + documents.size()).put("file_unique_id", "us" + documents.size())
                .put("file_name", fileName);
        return m;
    }

    /** A user's file by id, null when there is none. */
    synchronized byte[] file(String fileId) {
        return files.get(fileId);
    }

    /** Answers a callback query: false when it was answered before or never asked. */
    synchronized boolean closeCallback(String id) {
        return openCallbacks.remove(id);
    }

    /** Answers an inline query: false when it was answered before or never asked. */
    synchronized boolean closeInline(String id) {
        return openInline.remove(id);
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

    synchronized List<Document> documents() {
        return List.copyOf(documents);
    }

    /** Update ids go on from {@code id}. */
    synchronized void updateIdsFrom(int id) {
        nextUpdateId = id;
    }

    /** The oldest update the bot has not confirmed (a webhook's next delivery), or null. */
    synchronized ObjectNode undelivered() {
        for (ObjectNode u : updates) {
            if (u.get("update_id").asLong() >= confirmed) {
                return u;
            }
        }
        return null;
    }

    /** A webhook's 200 confirms the update. */
    synchronized void confirmThrough(long updateId) {
        confirmed = Math.max(confirmed, updateId + 1);
        notifyAll();
    }

    synchronized boolean confirmed(int updateId) {
        return confirmed > updateId;
    }

    synchronized boolean callbackAnswered(String id) {
        return !openCallbacks.contains(id);
    }

    // ---- the JSON of users, chats and messages ----

    private static ObjectNode user(long id, String lang) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", id).put("is_bot", false).put("first_name", "User" + id).put("language_code", lang);
        return u;
    }

    private static ObjectNode chat(long chatId) {
        return chatId < 0 ? group(chatId) : privateChat(chatId);
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

    static ObjectNode messageJson(Sent s) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", s.messageId());
        m.set("from", botUser());
        m.set("chat", chat(s.chatId()));
        m.put("date", System.currentTimeMillis() / 1000);
        m.put("text", s.text());
        if (s.markup() != null) {
            m.set("reply_markup", s.markup());
        }
        return m;
    }

    static ObjectNode botUser() {
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
}
