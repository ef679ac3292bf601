package qantar.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import qantar.corpus.Passage;
import qantar.corpus.Source;
import qantar.store.CorpusStore.AlsoInTransaction;
import qantar.store.CorpusStore.Change;
import qantar.store.CorpusStore.ChangeRefused;
import qantar.store.CorpusStore.Stored;

/**
 * Writes moderators' changes of the corpus, as opposed to an import of knowledge/: each one a
 * revision with its author and reason, refused when the passage is gone or changed meanwhile.
 */
final class ModeratedChanges {
    private ModeratedChanges() {
    }

    /** See {@link CorpusStore#apply(List, String, String, AlsoInTransaction)}. */
    static long apply(Database db, List<Change> changes, String author, String reason, AlsoInTransaction also) {
        return db.inTransaction(() -> {
            Connection c = db.connection();
            db.dialect().lockRevisions(c);
            String now = Instant.now().toString();
            for (Change change : changes) {
                if (change instanceof Change.PutSource put) {
                    putSource(c, put.source(), author, reason, now);
                } else if (change instanceof Change.CreatePassage create) {
                    createPassage(c, create.passage(), author, reason, now);
                } else if (change instanceof Change.UpdatePassage update) {
                    updatePassage(c, update, author, reason, now);
                } else if (change instanceof Change.RetirePassage retire) {
                    retirePassage(c, retire.passageId(), author, reason, now);
                }
            }
            also.run(c);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM revisions")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void putSource(Connection c, Source s, String author, String reason, String now) throws SQLException {
        String data = CorpusJson.source(s);
        String old = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM sources WHERE id = ?")) {
            ps.setString(1, s.id());
            try (ResultSet rs = ps.executeQuery()) {
                old = rs.next() ? rs.getString(1) : null;
            }
        }
        if (old == null) {
            Sql.exec(c, "INSERT INTO sources (id, data, updated_at) VALUES (?, ?, ?)", s.id(), data, now);
            CorpusStore.revision(c, "source", s.id(), "create", data, author, reason, now);
        } else if (!old.equals(data)) {
            Sql.exec(c, "UPDATE sources SET data = ?, status = 'live', updated_at = ? WHERE id = ?", data, now, s.id());
            CorpusStore.revision(c, "source", s.id(), "update", data, author, reason, now);
        }
    }

    private static void createPassage(Connection c, Passage p, String author, String reason, String now) throws SQLException {
        if (CorpusStore.stored(c, p.id()) != null) {
            throw new ChangeRefused("passage " + p.id() + " already exists");
        }
        requireLiveSource(c, p.sourceId());
        String data = CorpusJson.passage(p);
        Sql.exec(c, "INSERT INTO passages (id, source_id, side, data, digest, import_digest, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?)",
                p.id(), p.sourceId(), p.side().id(), data, Sha256.hex(data), now);
        CorpusStore.revision(c, "passage", p.id(), "create", data, author, reason, now);
    }

    private static void updatePassage(Connection c, Change.UpdatePassage u, String author, String reason, String now) throws SQLException {
        Passage p = u.passage();
        Stored old = CorpusStore.stored(c, p.id());
        if (old == null || !old.live()) {
            throw new ChangeRefused("passage " + p.id() + " is not live");
        }
        if (u.baseDigest() != null && !u.baseDigest().equals(old.digest())) {
            throw new ChangeRefused("passage " + p.id() + " changed since the edit was proposed");
        }
        requireLiveSource(c, p.sourceId());
        String data = CorpusJson.passage(p);
        // import_digest stays: it is what tells a later import that moderators changed the passage
        Sql.exec(c, "UPDATE passages SET source_id = ?, side = ?, data = ?, digest = ?, updated_at = ? WHERE id = ?",
                p.sourceId(), p.side().id(), data, Sha256.hex(data), now, p.id());
        CorpusStore.revision(c, "passage", p.id(), "update", data, author, reason, now);
    }

    private static void retirePassage(Connection c, String id, String author, String reason, String now) throws SQLException {
        Stored old = CorpusStore.stored(c, id);
        if (old == null || !old.live()) {
            throw new ChangeRefused("passage " + id + " is not live");
        }
        Sql.exec(c, "UPDATE passages SET status = 'retired', updated_at = ? WHERE id = ?", now, id);
        CorpusStore.revision(c, "passage", id, "retire", null, author, reason, now);
    }

    private static void requireLiveSource(Connection c, String sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sources WHERE id = ? AND status = 'live'")) {
            ps.setString(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ChangeRefused("source " + sourceId + " is not live");
                }
            }
        }
    }
}
