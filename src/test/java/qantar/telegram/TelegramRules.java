package qantar.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import qantar.telegram.api.SendLimits;

/**
 * Telegram's rules as the fake Bot API enforces them: what a message, a keyboard, a command menu
 * and inline results may hold, and the rate limits, answered with 429 and retry_after. Requests
 * that ignore a retry_after are counted.
 */
final class TelegramRules {
    /** Telegram's refusal of a request: the HTTP status and error_code, its description, and retry_after when above 0. */
    static final class Refusal extends RuntimeException {
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

    private final SendLimits limits;
    private final Map<Long, Long> lastArrival = new HashMap<>();
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private final Map<Long, ArrayDeque<Long>> recentByGroup = new HashMap<>();
    private final Map<Long, Long> bannedUntil = new HashMap<>();
    private int tooMany;
    private int ignoredRetryAfter;
    private int storm;
    private int stormRetryAfter;

    TelegramRules(SendLimits limits) {
        this.limits = limits;
    }

    synchronized int tooManyRequests() {
        return tooMany;
    }

    /** Requests for a chat that came while a 429's retry_after still held for it. */
    synchronized int ignoredRetryAfter() {
        return ignoredRetryAfter;
    }

    /** The next {@code count} messages get 429 with this retry_after, whatever the rate. */
    synchronized void storm(int count, int retryAfterSeconds) {
        storm = count;
        stormRetryAfter = retryAfterSeconds;
    }

    /** A chat action during a chat's retry_after counts as ignoring it (Telegram counts actions too). */
    synchronized void chatAction(long chatId) {
        Long banned = bannedUntil.get(chatId);
        if (banned != null && System.nanoTime() < banned) {
            ignoredRetryAfter++;
        }
    }

    /** Telegram's limits: 429 with retry_after when over them; requests ignoring a retry_after are counted. */
    synchronized void rateLimit(long chatId) {
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

    /** The text a message's HTML shows, or the refusal of bad entities, an empty text or one over 4096 characters. */
    static String checkedText(String html) {
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

    /** A document's caption: HTML (parse_mode required), at most 1024 characters shown. */
    static String checkedCaption(String captionHtml, String parseMode) {
        if (!parseMode.equalsIgnoreCase("html")) {
            throw new Refusal(400, "Bad Request: the bot always sends HTML; parse_mode missing");
        }
        String caption = checkedText(captionHtml);
        if (caption.length() > 1024) {
            throw new Refusal(400, "Bad Request: message caption is too long");
        }
        return caption;
    }

    /** An inline keyboard: buttons with a text and exactly one of callback data (1-64 bytes) or a URL. */
    static void checkMarkup(JsonNode markup) {
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

    /** setMyCommands: at most 100, names of 1-32 a-z 0-9 _, descriptions of 1-256 characters. */
    static void checkCommands(JsonNode req) {
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

    /** A callback answer's notice: at most 200 characters. */
    static void checkCallbackAnswer(JsonNode req) {
        if (req.path("text").asText("").length() > 200) {
            throw new Refusal(400, "Bad Request: MESSAGE_TOO_LONG");
        }
    }

    /** answerInlineQuery's results: at most 50, unique ids of 1-64 bytes, titles, HTML texts and valid keyboards. */
    static void checkInlineResults(JsonNode results) {
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
    }
}
