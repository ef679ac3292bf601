package qantar.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/**
 * The JSON of an answer, as {@code ask --json} prints it (the public contract in DESIGN.md) and as
 * answers are stored. Fields beyond the contract (lang, caution, message, corpus_revision...) are
 * additions, never changes.
 */
public final class AnswerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerJson() {
    }

    public static ObjectNode toJson(Answer a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("answer_id", a.id());
        o.put("question", a.question());
        o.put("language", a.language().code());
        o.put("in_scope", a.inScope());
        ArrayNode statements = o.putArray("statements");
        for (Statement s : a.statements()) {
            ObjectNode n = statements.addObject();
            n.put("side", s.side().id());
            n.put("speaker", s.speaker());
            n.put("text", s.text());
            n.put("passage_id", s.passageId());
            n.put("source_id", s.sourceId());
            n.put("quote", s.quote());
            n.put("translated", s.translated());
            n.put("lang", s.lang().code());
            if (s.caution() != null) {
                n.put("caution", s.caution());
            }
            if (s.summary()) {
                n.put("summary", true);
                ArrayNode cites = n.putArray("cites");
                s.cites().forEach(cites::add);
            }
            if (!s.also().isEmpty()) {
                ArrayNode also = n.putArray("also");
                s.also().forEach(x -> also.addObject().put("passage_id", x.passageId()).put("source_id", x.sourceId()));
            }
        }
        ArrayNode missing = o.putArray("sides_missing");
        a.sidesMissing().forEach(s -> missing.add(s.id()));
        ArrayNode sources = o.putArray("sources");
        for (SourceRef s : a.sources()) {
            ObjectNode n = sources.addObject();
            n.put("id", s.id());
            n.put("side", s.side().id());
            n.put("title", s.title());
            n.put("publisher", s.publisher());
            n.put("date", s.date());
            n.put("url", s.url());
            if (s.mirrorOf() != null) {
                n.put("mirror_of", s.mirrorOf());
            }
        }
        if (a.message() != null) {
            o.put("message", a.message());
        }
        o.put("corpus_revision", a.revision());
        o.put("created_at", a.createdAt());
        o.put("best_coverage", Math.round(a.bestCoverage() * 1000) / 1000.0);
        return o;
    }

    public static String write(Answer a, boolean pretty) {
        try {
            return (pretty ? JSON.writerWithDefaultPrettyPrinter() : JSON.writer()).writeValueAsString(toJson(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Answer read(String json) {
        try {
            JsonNode o = JSON.readTree(json);
            List<Statement> statements = new ArrayList<>();
            for (JsonNode n : o.path("statements")) {
                statements.add(new Statement(side(n), n.path("speaker").asText(), n.path("text").asText(),
                        n.path("passage_id").asText(), n.path("source_id").asText(), n.path("quote").asBoolean(),
                        n.path("translated").asBoolean(), Lang.fromCode(n.path("lang").asText()).orElse(Lang.EN),
                        n.hasNonNull("caution") ? n.get("caution").asText() : null, n.path("summary").asBoolean(),
                        cites(n), also(n)));
            }
            List<Side> missing = new ArrayList<>();
            o.path("sides_missing").forEach(n -> missing.add(Side.fromId(n.asText()).orElseThrow()));
            List<SourceRef> sources = new ArrayList<>();
            for (JsonNode n : o.path("sources")) {
                sources.add(new SourceRef(n.path("id").asText(), side(n), n.path("title").asText(),
                        n.path("publisher").asText(), n.path("date").asText(), n.path("url").asText(),
                        n.hasNonNull("mirror_of") ? n.get("mirror_of").asText() : null));
            }
            return new Answer(o.path("answer_id").asText(), o.path("question").asText(),
                    Lang.fromCode(o.path("language").asText()).orElse(Lang.EN), o.path("in_scope").asBoolean(),
                    statements, missing, sources, o.hasNonNull("message") ? o.get("message").asText() : null,
                    o.path("corpus_revision").asLong(), o.path("created_at").asText(), o.path("best_coverage").asDouble());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> cites(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.path("cites").forEach(c -> out.add(c.asText()));
        return out;
    }

    private static List<Statement.Also> also(JsonNode n) {
        List<Statement.Also> out = new ArrayList<>();
        n.path("also").forEach(x -> out.add(new Statement.Also(x.path("passage_id").asText(), x.path("source_id").asText())));
        return out;
    }

    private static Side side(JsonNode n) {
        return Side.fromId(n.path("side").asText()).orElseThrow();
    }
}
