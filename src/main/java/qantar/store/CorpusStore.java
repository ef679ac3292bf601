package qantar.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import qantar.corpus.Corpus;
import qantar.corpus.Passage;
import qantar.corpus.Source;

/**
 * The live corpus and its revision history. Nothing is deleted: a passage that leaves the corpus
 * is retired, and every create, update and retirement is a revision with author and reason.
 */
public final class CorpusStore {
    public static final String IMPORT_AUTHOR = "import";

    private final Database db;

    public CorpusStore(Database db) {
        this.db = db;
    }

    /** What an import changed. Conflicts are passages changed by moderators and in knowledge/ alike. */
    public record ImportReport(int sourcesCreated, int sourcesUpdated, int passagesCreated, int passagesUpdated,
                               int passagesRetired, int passagesUnchanged, List<String> conflicts) {
        public boolean changedAnything() {
            return sourcesCreated + sourcesUpdated + passagesCreated + passagesUpdated + passagesRetired > 0;
        }
    }

    public record Revision(long id, String entity, String entityId, String action, String data, String author,
                           String reason, String createdAt) {
    }

    /**
     * Brings the live corpus in line with a validated knowledge/ corpus, in one transaction.
     * Re-importing the same corpus changes nothing. A passage whose live text was changed by a
     * moderator since the last import is never overwritten: it is reported as a conflict.
     */
    public ImportReport importCorpus(Corpus corpus, String reason, IntConsumer progress) {
        return CorpusImport.run(db, corpus, reason, progress);
    }

    /** A change of the corpus made by moderators rather than by an import of knowledge/. */
    public sealed interface Change {
        /** Creates the source, or replaces its fields when it exists. */
        record PutSource(Source source) implements Change { }

        record CreatePassage(Passage passage) implements Change { }

        /** Replaces a passage; {@code baseDigest}, when given, must still be the live digest (no lost update). */
        record UpdatePassage(Passage passage, String baseDigest) implements Change { }

        record RetirePassage(String passageId) implements Change { }
    }

    /** A moderated change that cannot be applied as it stands (the passage is gone, or changed meanwhile). */
    public static final class ChangeRefused extends StoreException {
        public ChangeRefused(String message) {
            super(message, null);
        }
    }

    /** A passage as stored, live or retired, with the digest of its live data. */
    public record Stored(Passage passage, String status, String digest) {
        public boolean live() {
            return "live".equals(status);
        }
    }

    /**
     * Applies moderators' changes in one transaction, each written as a revision with author and
     * reason: all of them or none. Returns the new corpus revision.
     */
    public long apply(List<Change> changes, String author, String reason) {
        return apply(changes, author, reason, c -> { });
    }

    /** Work of the caller's own tables that must commit with the change or not at all (e.g. marking a proposal approved). */
    public interface AlsoInTransaction {
        void run(Connection c) throws SQLException;
    }

    public long apply(List<Change> changes, String author, String reason, AlsoInTransaction also) {
        return ModeratedChanges.apply(db, changes, author, reason, also);
    }

    public long createPassage(Passage passage, String author, String reason) {
        return apply(List.of(new Change.CreatePassage(passage)), author, reason);
    }

    public long updatePassage(Passage passage, String baseDigest, String author, String reason) {
        return apply(List.of(new Change.UpdatePassage(passage, baseDigest)), author, reason);
    }

    public long retirePassage(String passageId, String author, String reason) {
        return apply(List.of(new Change.RetirePassage(passageId)), author, reason);
    }

    static Stored stored(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT data, status, digest FROM passages WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Stored(CorpusJson.passage(rs.getString(1)), rs.getString(2), rs.getString(3)) : null;
            }
        }
    }

    /** A passage by id, live or retired. */
    public java.util.Optional<Stored> passage(String id) {
        return db.query(() -> java.util.Optional.ofNullable(stored(db.connection(), id)));
    }

    /** Every passage id ever used, live or retired: ids are never reused. */
    public Set<String> passageIds() {
        return ids("SELECT id FROM passages");
    }

    /** Every source id, live or retired. */
    public Set<String> sourceIds() {
        return ids("SELECT id FROM sources");
    }

    private Set<String> ids(String sql) {
        return db.query(() -> new HashSet<>(Sql.list(db.connection(), sql, rs -> rs.getString(1))));
    }

    /**
     * The live corpus made from {@code known}, the live corpus at {@code revision}: only the passages
     * with a revision since are read again (their ids are added to {@code changed}); sources, topics,
     * glossary and timeline are read whole, as they are small. Gives what {@link #load} gives, in
     * time that grows with the change, not the corpus.
     */
    public Corpus loadSince(Corpus known, long revision, Set<String> changed) {
        return db.query(() -> StoredCorpus.since(db.connection(), this, known, revision, changed));
    }

    /** The live corpus: what answers are built from. */
    public Corpus load() {
        return db.query(() -> StoredCorpus.load(db.connection(), this, true));
    }

    /** The corpus revision: the id of the latest change. Answers record it so citations stay exact. */
    public long revision() {
        return db.query(() -> {
            try (ResultSet rs = db.connection().createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM revisions")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public List<Revision> history(String passageId) {
        return db.query(() -> Sql.list(db.connection(),
                "SELECT id, entity, entity_id, action, data, author, reason, created_at FROM revisions WHERE entity = 'passage' AND entity_id = ? ORDER BY id",
                rs -> new Revision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)), passageId));
    }

    public String meta(String key) {
        return db.query(() -> Sql.one(db.connection(), "SELECT value FROM meta WHERE key = ?", rs -> rs.getString(1), key));
    }

    public void putMeta(String key, String value) {
        db.inTransaction(() -> {
            setMeta(db.connection(), key, value);
            return null;
        });
    }

    static void setMeta(Connection c, String key, String value) throws SQLException {
        Sql.exec(c, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
    }

    static void revision(Connection c, String entity, String id, String action, String data, String author,
                         String reason, String at) throws SQLException {
        Sql.exec(c, "INSERT INTO revisions (entity, entity_id, action, data, author, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                entity, id, action, data, author, reason, at);
    }
}
