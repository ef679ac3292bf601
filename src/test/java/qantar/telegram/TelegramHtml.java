package qantar.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's HTML parse mode, as strictly as the Bot API documents it: only its tag subset,
 * properly nested and closed, &lt;a&gt; with an href, only the entities &amp;lt; &amp;gt; &amp;amp;
 * &amp;quot; and numeric ones, and every bare &lt;, &gt;, &amp; escaped. Returns the text as the
 * user sees it (its length is what Telegram limits to 4096).
 */
final class TelegramHtml {
    static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
            "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");
    private static final Map<String, String> NAMED = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"");
    private static final Pattern ATTR = Pattern.compile("\\s+([a-z-]+)(?:=\"([^\"]*)\")?");

    private TelegramHtml() {
    }

    static String parse(String html) {
        StringBuilder out = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    throw new Rejected("Can't parse entities: unclosed start tag at byte offset " + i);
                }
                String tag = html.substring(i + 1, end);
                if (tag.startsWith("/")) {
                    String name = tag.substring(1).strip();
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        throw new Rejected("Can't parse entities: can't find end tag corresponding to start tag \"" + name + "\"");
                    }
                    open.pop();
                } else {
                    open.push(startTag(tag, i));
                }
                i = end + 1;
            } else if (c == '&') {
                int semi = html.indexOf(';', i);
                if (semi < 0 || semi - i > 10) {
                    throw new Rejected("Can't parse entities: character '&' at byte offset " + i + " must be escaped");
                }
                out.append(entity(html.substring(i + 1, semi), i));
                i = semi + 1;
            } else if (c == '>') {
                throw new Rejected("Can't parse entities: character '>' at byte offset " + i + " must be escaped");
            } else {
                out.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new Rejected("Can't parse entities: can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return out.toString();
    }

    private static String startTag(String tag, int at) {
        int space = tag.indexOf(' ');
        String name = space < 0 ? tag : tag.substring(0, space);
        if (!TAGS.contains(name)) {
            throw new Rejected("Can't parse entities: unsupported start tag \"" + name + "\" at byte offset " + at);
        }
        String rest = space < 0 ? "" : tag.substring(space);
        Matcher m = ATTR.matcher(rest);
        int pos = 0;
        String href = null;
        while (m.find() && m.start() == pos) {
            if (m.group(1).equals("href")) {
                href = m.group(2);
            }
            if (m.group(2) != null) {
                parse(m.group(2)); // attribute values follow the same escaping rules
            }
            pos = m.end();
        }
        if (pos != rest.length()) {
            throw new Rejected("Can't parse entities: bad attributes in tag \"" + name + "\" at byte offset " + at);
        }
        if (name.equals("a") && (href == null || href.isBlank())) {
            throw new Rejected("Can't parse entities: tag \"a\" needs an href at byte offset " + at);
        }
        return name;
    }

    private static String entity(String e, int at) {
        if (NAMED.containsKey(e)) {
            return NAMED.get(e);
        }
        try {
            if (e.startsWith("#x")) {
                return new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
            }
            if (e.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(e.substring(1))));
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the rejection
        }
        throw new Rejected("Can't parse entities: unsupported HTML entity \"&" + e + ";\" at byte offset " + at);
    }
}
