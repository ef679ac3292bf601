package qantar.telegram;

import java.util.ArrayList;
import java.util.List;

/** Telegram HTML: escaping, and packing whole blocks into messages under the length limit. */
final class Html {
    /** Telegram's limit on a message's text, counted after entities are parsed. */
    static final int MAX_MESSAGE = 4096;

    private Html() {
    }

    /** Escapes text for Telegram HTML: every &lt;, &gt;, &amp; (and &quot; for attributes). */
    static String esc(String s) {
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

    static String b(String text) {
        return "<b>" + esc(text) + "</b>";
    }

    static String i(String text) {
        return "<i>" + esc(text) + "</i>";
    }

    static String link(String url, String text) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return esc(text);
        }
        return "<a href=\"" + esc(url) + "\">" + esc(text) + "</a>";
    }

    /** Plain text cut to at most {@code max} characters at a word, with an ellipsis; never splits a surrogate pair. */
    static String cut(String s, int max) {
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

    /**
     * Packs blocks (each complete HTML with its tags closed) into messages of at most {@code limit}
     * characters, joined by newlines: a message is split between blocks, never inside one. The HTML
     * length bounds the parsed length, so each message is within Telegram's limit. A block longer
     * than the limit on its own must have been cut by the caller.
     */
    static List<String> pack(List<String> blocks, int limit) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String block : blocks) {
            if (block.length() > limit) {
                throw new IllegalArgumentException("block longer than " + limit);
            }
            int extra = cur.length() == 0 ? block.length() : block.length() + 1;
            if (cur.length() + extra > limit) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            }
            if (cur.length() > 0) {
                cur.append('\n');
            }
            cur.append(block);
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
