package qantar.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The stored JSON of corpus records, field by field. Keys are written in alphabetical order and
 * optional fields only when present, exactly as before these records existed: the bytes are hashed
 * into the digests an import compares. Reading is strict: a required field that is missing, or a
 * field nobody writes, is an error that names it.
 */
final class CorpusJsonRecords {
    private CorpusJsonRecords() {
    }

    @JsonPropertyOrder(alphabetic = true)
    record SourceJson(@JsonProperty(required = true) String id,
                      @JsonProperty(required = true) String title,
                      @JsonProperty(required = true) String publisher,
                      @JsonProperty(required = true) String date,
                      @JsonProperty(required = true) String url,
                      @JsonProperty(required = true) String language,
                      @JsonProperty("mirror_of") @JsonInclude(JsonInclude.Include.NON_NULL) String mirrorOf,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String note,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String side) {
    }

    /** Maps are keyed by language code; {@code caution}, {@code asks} and {@code speakers} only when they say something. */
    @JsonPropertyOrder(alphabetic = true)
    record PassageJson(@JsonProperty(required = true) String id,
                       @JsonProperty(value = "source_id", required = true) String sourceId,
                       @JsonProperty(required = true) String side,
                       @JsonProperty(required = true) String speaker,
                       @JsonProperty(required = true) List<String> topics,
                       @JsonProperty(required = true) Map<String, String> text,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String original,
                       @JsonProperty(required = true) boolean quote,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String said,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> caution,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<String>> asks,
                       @JsonProperty("same_as") @JsonInclude(JsonInclude.Include.NON_NULL) String sameAs,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> speakers) {
    }

    @JsonPropertyOrder(alphabetic = true)
    record TopicJson(@JsonProperty(required = true) String id, @JsonProperty(required = true) Map<String, String> label) {
    }

    /** {@code place} is written only when true, so a group that is no place keeps its bytes (and is read as false). */
    @JsonPropertyOrder(alphabetic = true)
    record GlossaryJson(@JsonProperty(required = true) boolean anchor, @JsonProperty(required = true) boolean context,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean place, @JsonProperty(required = true) List<String> terms) {
    }

    @JsonPropertyOrder(alphabetic = true)
    record TimelineJson(@JsonProperty(required = true) String date, @JsonProperty(required = true) Map<String, String> title,
                        @JsonProperty(required = true) List<String> passages) {
    }
}
