package qantar.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import qantar.answer.AnswerJsonRecords.AlsoOut;
import qantar.answer.AnswerJsonRecords.AnswerOut;
import qantar.answer.AnswerJsonRecords.SourceOut;
import qantar.answer.AnswerJsonRecords.StatementOut;
import qantar.corpus.Lang;
import qantar.corpus.Side;
import qantar.json.Json;

/**
 * The JSON of an answer, as {@code ask --json} prints it (the public contract in DESIGN.md) and as
 * answers are stored. Fields beyond the contract (lang, caution, message, corpus_revision...) are
 * additions, never changes.
 */
public final class AnswerJson {
    private AnswerJson() {
    }

    public static String write(Answer a, boolean pretty) {
        try {
            return (pretty ? Json.MAPPER.writerWithDefaultPrettyPrinter() : Json.MAPPER.writer()).writeValueAsString(out(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds the reader of stored answers ahead of the first one (a cold start loads its classes in the background). */
    public static void prepareReading() {
        Json.MAPPER.readerFor(AnswerOut.class);
    }

    /** A stored answer, read strictly: a missing or unknown field is an error that names it. */
    public static Answer read(String json) {
        AnswerOut o;
        try {
            o = Json.MAPPER.readValue(json, AnswerOut.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is not valid: " + e.getOriginalMessage(), e);
        }
        List<Statement> statements = o.statements().stream().map(n -> new Statement(side(n.side()), n.speaker(), n.text(),
                n.passageId(), n.sourceId(), n.quote(), n.translated(), lang(n.lang()), n.caution(), Boolean.TRUE.equals(n.summary()),
                n.cites(), n.also() == null ? List.of() : n.also().stream().map(x -> new Statement.Also(x.passageId(), x.sourceId())).toList(),
                Boolean.TRUE.equals(n.nearest()))).toList();
        List<SourceRef> sources = o.sources().stream()
                .map(n -> new SourceRef(n.id(), side(n.side()), n.title(), n.publisher(), n.date(), n.url(), n.mirrorOf())).toList();
        return new Answer(o.answerId(), o.question(), lang(o.language()), o.inScope(), statements,
                o.sidesMissing().stream().map(AnswerJson::side).toList(), sources, o.message(), o.corpusRevision(), o.createdAt(),
                o.bestCoverage());
    }

    private static AnswerOut out(Answer a) {
        List<StatementOut> statements = a.statements().stream().map(s -> new StatementOut(s.side().id(), s.speaker(), s.text(),
                s.passageId(), s.sourceId(), s.quote(), s.translated(), s.lang().code(), s.caution(), s.summary() ? true : null,
                s.summary() ? s.cites() : null,
                s.also().isEmpty() ? null : s.also().stream().map(x -> new AlsoOut(x.passageId(), x.sourceId())).toList(),
                s.nearest() ? true : null)).toList();
        List<SourceOut> sources = a.sources().stream().map(s -> new SourceOut(s.id(), s.side().id(), s.title(), s.publisher(),
                s.date(), s.url(), s.mirrorOf())).toList();
        return new AnswerOut(a.id(), a.question(), a.language().code(), a.inScope(), statements,
                a.sidesMissing().stream().map(Side::id).toList(), sources, a.message(), a.revision(), a.createdAt(),
                Math.round(a.bestCoverage() * 1000) / 1000.0);
    }

    private static Side side(String id) {
        return Side.fromId(id).orElseThrow(() -> new IllegalStateException("a stored answer names an unknown side '" + id + "'"));
    }

    private static Lang lang(String code) {
        return Lang.fromCode(code).orElseThrow(() -> new IllegalStateException("a stored answer names an unknown language '" + code + "'"));
    }
}
