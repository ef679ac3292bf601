package qantar.answer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import qantar.corpus.Side;

/**
 * Reads the model's reply: {"sides": {"official": ["sentence [p:ID]", ...], ...}}, possibly in a
 * code fence or with words around it. Unknown sides and non-text items are ignored; a reply with
 * no usable sentence at all is no reply (the caller falls back to the extractive answer).
 */
final class SummaryReply {
    /** Far more than three short sentences for each of five sides; anything longer is not an answer. */
    static final int MAX_CHARS = 20_000;
    private static final int MAX_ITEMS = 6;

    private SummaryReply() {
    }

    static Optional<Map<Side, List<String>>> parse(String reply) {
        if (reply == null || reply.isBlank() || reply.length() > MAX_CHARS) {
            return Optional.empty();
        }
        Optional<JsonNode> json = ModelCall.json(reply);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = json.get();
        JsonNode sides = root.has("sides") ? root.get("sides") : root;
        if (!sides.isObject()) {
            return Optional.empty();
        }
        Map<Side, List<String>> out = new EnumMap<>(Side.class);
        sides.fields().forEachRemaining(e -> Side.fromId(e.getKey()).ifPresent(side -> {
            List<String> items = new ArrayList<>();
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                items.add(v.asText());
            } else if (v.isArray()) {
                v.forEach(i -> {
                    if (i.isTextual() && !i.asText().isBlank() && items.size() < MAX_ITEMS) {
                        items.add(i.asText());
                    }
                });
            }
            if (!items.isEmpty()) {
                out.put(side, items);
            }
        }));
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }
}
