package qantar.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The JSON of an answer, field by field and in the contract's order (DESIGN.md): what
 * {@code ask --json} prints and what the store keeps. Optional fields appear only when set; reading
 * is strict, so a stored answer missing a field, or holding one nobody writes, is an error naming it.
 */
final class AnswerJsonRecords {
    private AnswerJsonRecords() {
    }

    @JsonPropertyOrder({"answer_id", "question", "language", "in_scope", "statements", "sides_missing", "sources", "message",
            "corpus_revision", "created_at", "best_coverage"})
    record AnswerOut(@JsonProperty(value = "answer_id", required = true) String answerId,
                     @JsonProperty(required = true) String question,
                     @JsonProperty(required = true) String language,
                     @JsonProperty(value = "in_scope", required = true) boolean inScope,
                     @JsonProperty(required = true) List<StatementOut> statements,
                     @JsonProperty(value = "sides_missing", required = true) List<String> sidesMissing,
                     @JsonProperty(required = true) List<SourceOut> sources,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String message,
                     @JsonProperty(value = "corpus_revision", required = true) long corpusRevision,
                     @JsonProperty(value = "created_at", required = true) String createdAt,
                     @JsonProperty(value = "best_coverage", required = true) double bestCoverage) {
    }

    /**
     * {@code summary} and {@code cites} only for a model-written statement, {@code also} only for a fact
     * cluster, {@code nearest} only for the nearest passage of a side that likely has no answer.
     */
    @JsonPropertyOrder({"side", "speaker", "text", "passage_id", "source_id", "quote", "translated", "lang", "caution", "summary",
            "cites", "also", "nearest"})
    record StatementOut(@JsonProperty(required = true) String side,
                        @JsonProperty(required = true) String speaker,
                        @JsonProperty(required = true) String text,
                        @JsonProperty(value = "passage_id", required = true) String passageId,
                        @JsonProperty(value = "source_id", required = true) String sourceId,
                        @JsonProperty(required = true) boolean quote,
                        @JsonProperty(required = true) boolean translated,
                        @JsonProperty(required = true) String lang,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String caution,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean summary,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> cites,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<AlsoOut> also,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean nearest) {
    }

    @JsonPropertyOrder({"passage_id", "source_id"})
    record AlsoOut(@JsonProperty(value = "passage_id", required = true) String passageId,
                   @JsonProperty(value = "source_id", required = true) String sourceId) {
    }

    @JsonPropertyOrder({"id", "side", "title", "publisher", "date", "url", "mirror_of"})
    record SourceOut(@JsonProperty(required = true) String id,
                     @JsonProperty(required = true) String side,
                     @JsonProperty(required = true) String title,
                     @JsonProperty(required = true) String publisher,
                     @JsonProperty(required = true) String date,
                     @JsonProperty(required = true) String url,
                     @JsonProperty("mirror_of") @JsonInclude(JsonInclude.Include.NON_NULL) String mirrorOf) {
    }
}
