package qantar.telegram.render;

import java.util.ArrayList;
import java.util.List;

/** Telegram HTML: escaping, and packing whole blocks into messages under the length limit. */
public final class Html {
    /** Telegram's limit on a message's text, counted after entities are parsed. */
    public static final int MAX_MESSAGE = 4096;

    private Html() {
    }

    /** Escapes text for Telegram HTML: every &lt;, &gt;, &amp; (and &quot; for attributes). */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    public static String b(String text) {
        return "<b>" + esc(text) + "</b>";
    }

    public static String i(String text) {
        return "<i>" + esc(text) + "</i>";
    }

    public static String link(String url, String text) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return esc(text);
        }
        return "<a href=\"" + esc(url) + "\">" + esc(text) + "</a>";
    }

    /** Plain text cut to at most {@code max} characters at a word, with an ellipsis; never splits a surrogate pair. */
    public static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max - 1;
        int space = s.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        }
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end).stripTrailing() + "…";
    }

    /** Telegram keeps at most this many formatting entities (tags) per message; we stay under it. */
    public static final int MAX_ENTITIES = 100;

    /** The length Telegram counts: the text after tags are removed and entities decoded (UTF-16 units). */
    public static int visibleLength(String html) {
        int n = 0;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                i = end < 0 ? html.length() : end;
            } else if (c == '&') {
                int semi = html.indexOf(';', i);
                if (semi > i && semi - i <= 10) {
                    String e = html.substring(i + 1, semi);
                    n += e.startsWith("#") ? Character.charCount(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
                            : Integer.parseInt(e.substring(1))) : 1;
                    i = semi;
                } else {
                    n++;
                }
            } else {
                n++;
            }
        }
        return n;
    }

    /** Opening tags in a block: each becomes one Telegram entity. */
    public static int entities(String html) {
        int n = 0;
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            if (i + 1 < html.length() && html.charAt(i + 1) != '/') {
                n++;
            }
        }
        return n;
    }

    /**
     * Packs blocks (each complete HTML with its tags closed) into messages joined by newlines, each
     * at most {@code limit} characters as Telegram counts them and under {@link #MAX_ENTITIES}: a
     * message is split between blocks, never inside one. A block longer than the limit on its own
     * must have been cut by the caller.
     */
    public static List<String> pack(List<String> blocks, int limit) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int length = 0;
        int entities = 0;
        for (String block : blocks) {
            int len = visibleLength(block);
            int ent = entities(block);
            if (len > limit) {
                throw new IllegalArgumentException("block longer than " + limit);
            }
            if (cur.length() > 0 && (length + 1 + len > limit || entities + ent > MAX_ENTITIES)) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                length = 0;
                entities = 0;
            }
            if (cur.length() > 0) {
                cur.append('\n');
                length++;
            }
            cur.append(block);
            length += len;
            entities += ent;
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
