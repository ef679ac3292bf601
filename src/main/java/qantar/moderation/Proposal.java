package qantar.moderation;

import qantar.corpus.Passage;
import qantar.store.CorpusJson;

/**
 * A change of the corpus waiting for review. {@code data} is the passage JSON for create and
 * update, null for retire, and the source file's YAML for a whole source ({@link Kind#SOURCE}).
 */
public record Proposal(long id, Kind kind, String passageId, String sourceId, String data, String baseDigest,
                       String reason, long author, String createdAt, String status, Long reviewer,
                       String reviewedAt, String reviewReason) {
    public enum Kind {
        CREATE, UPDATE, RETIRE, SOURCE;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean pending() {
        return "pending".equals(status);
    }

    /** The proposed passage, for create and update. */
    public Passage passage() {
        return kind == Kind.CREATE || kind == Kind.UPDATE ? CorpusJson.passage(data) : null;
    }
}
