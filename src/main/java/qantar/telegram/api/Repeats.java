package qantar.telegram.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import qantar.json.Json;
import qantar.telegram.render.Html;

/** A message sent again after it may already have arrived carries a 🔁 mark, so a reader sees the repeat as one. */
public final class Repeats {
    public static final String MARK = "🔁 ";

    private Repeats() {
    }

    /** The payload with its text marked; unchanged for other methods or when the mark would not fit. */
    static String marked(String method, String payload) {
        if (!method.equals("sendmessage")) {
            return payload; // edits and callback answers are idempotent or refused when stale
        }
        try {
            ObjectNode p = (ObjectNode) Json.MAPPER.readTree(payload);
            String text = p.path("text").asText("");
            if (text.isEmpty() || text.startsWith(MARK) || Html.visibleLength(text) + MARK.length() > Html.MAX_MESSAGE) {
                return payload;
            }
            return p.put("text", MARK + text).toString();
        } catch (Exception e) {
            return payload;
        }
    }
}
