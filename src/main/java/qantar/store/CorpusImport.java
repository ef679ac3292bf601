package qantar.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import qantar.corpus.Corpus;
import qantar.corpus.Passage;
import qantar.corpus.Source;
import qantar.store.CorpusStore.ImportReport;
import qantar.store.ImportDecision.PassageRow;

/**
 * Brings the live corpus in line with a validated knowledge/ corpus, in one transaction: what to
 * do with each passage is {@link ImportDecision}'s to say, the writing is done here.
 */
final class CorpusImport {
    private static final String IMPORT_AUTHOR = CorpusStore.IMPORT_AUTHOR;

    /** What an import did so far, counted by name. */
    private static final class Tally {
        int sourcesCreated;
        int sourcesUpdated;
        int passagesCreated;
        int passagesUpdated;
        int passagesRetired;
        int passagesUnchanged;
        final List<String> conflicts = new ArrayList<>();

        ImportReport report() {
            return new ImportReport(sourcesCreated, sourcesUpdated, passagesCreated, passagesUpdated,
                    passagesRetired, passagesUnchanged, conflicts);
        }
    }

    private final Connection c;
    private final String reason;
    private final String now = Instant.now().toString();
    private final Tally tally = new Tally();

    private CorpusImport(Connection c, String reason) {
        this.c = c;
        this.reason = reason;
    }

    /** See {@link CorpusStore#importCorpus}. */
    static ImportReport run(Database db, Corpus corpus, String reason, IntConsumer progress) {
        return db.inTransaction(() -> {
            db.dialect().lockRevisions(db.connection());
            return new CorpusImport(db.connection(), reason).run(corpus, progress);
        });
    }

    private ImportReport run(Corpus corpus, IntConsumer progress) throws SQLException {
        Map<String, String> liveSources = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, data FROM sources")) {
            while (rs.next()) {
                liveSources.put(rs.getString(1), rs.getString(2));
            }
        }
        for (Source s : corpus.sources()) {
            importSource(s, liveSources.get(s.id()));
        }
        Map<String, PassageRow> live = storedPassages();
        Set<String> inFiles = new HashSet<>();
        int done = 0;
        for (Passage p : corpus.passages()) {
            inFiles.add(p.id());
            importPassage(p, live.get(p.id()));
            if (progress != null) {
                progress.accept(++done);
            }
        }
        // Passages that came from knowledge/ and left it are retired; moderators' own passages stay.
        for (var e : live.entrySet()) {
            if (!inFiles.contains(e.getKey())) {
                leftFiles(e.getKey(), e.getValue());
            }
        }
        retireSourcesLeftFiles(corpus, liveSources.keySet());
        CorpusStore.setMeta(c, "topics", CorpusJson.topics(corpus.topics()));
        CorpusStore.setMeta(c, "glossary", CorpusJson.glossary(corpus.glossary()));
        CorpusStore.setMeta(c, "timeline", CorpusJson.timeline(corpus.timeline()));
        return tally.report();
    }

    private void importSource(Source s, String old) throws SQLException {
        String data = CorpusJson.source(s);
        if (old == null) {
            Sql.exec(c, "INSERT INTO sources (id, data, updated_at) VALUES (?, ?, ?)", s.id(), data, now);
            CorpusStore.revision(c, "source", s.id(), "create", data, IMPORT_AUTHOR, reason, now);
            tally.sourcesCreated++;
        } else if (!old.equals(data)) {
            Sql.exec(c, "UPDATE sources SET data = ?, status = 'live', updated_at = ? WHERE id = ?", data, now, s.id());
            CorpusStore.revision(c, "source", s.id(), "update", data, IMPORT_AUTHOR, reason, now);
            tally.sourcesUpdated++;
        }
    }

    private Map<String, PassageRow> storedPassages() throws SQLException {
        Set<String> moderated = moderatedSinceImport(c);
        Map<String, PassageRow> live = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, digest, import_digest, status FROM passages")) {
            while (rs.next()) {
                live.put(rs.getString(1), new PassageRow(rs.getString(2), rs.getString(3), "live".equals(rs.getString(4)),
                        moderated.contains(rs.getString(1))));
            }
        }
        return live;
    }

    private void importPassage(Passage p, PassageRow row) throws SQLException {
        String data = CorpusJson.passage(p);
        String digest = Sha256.hex(data);
        switch (ImportDecision.inFiles(row, digest)) {
            case CREATE -> {
                Sql.exec(c, "INSERT INTO passages (id, source_id, side, data, digest, import_digest, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        p.id(), p.sourceId(), p.side().id(), data, digest, digest, now);
                CorpusStore.revision(c, "passage", p.id(), "create", data, IMPORT_AUTHOR, reason, now);
                tally.passagesCreated++;
            }
            case UNCHANGED -> tally.passagesUnchanged++;
            case ADOPT -> {
                Sql.exec(c, "UPDATE passages SET import_digest = ? WHERE id = ?", digest, p.id());
                CorpusStore.revision(c, "passage", p.id(), "update", data, IMPORT_AUTHOR, reason + " (knowledge/ matches the moderators' version)", now);
                tally.passagesUnchanged++;
            }
            case CONFLICT -> tally.conflicts.add(p.id());
            case UPDATE, RESTORE -> {
                Sql.exec(c, "UPDATE passages SET source_id = ?, side = ?, data = ?, digest = ?, import_digest = ?, status = 'live', updated_at = ? WHERE id = ?",
                        p.sourceId(), p.side().id(), data, digest, digest, now, p.id());
                CorpusStore.revision(c, "passage", p.id(), row.live() ? "update" : "restore", data, IMPORT_AUTHOR, reason, now);
                tally.passagesUpdated++;
            }
            default -> throw new IllegalStateException("no import of a passage in knowledge/ decides to keep or retire it");
        }
    }

    private void leftFiles(String id, PassageRow row) throws SQLException {
        switch (ImportDecision.leftFiles(row)) {
            case CONFLICT -> tally.conflicts.add(id);
            case RETIRE -> {
                Sql.exec(c, "UPDATE passages SET status = 'retired', import_digest = NULL, updated_at = ? WHERE id = ?", now, id);
                CorpusStore.revision(c, "passage", id, "retire", null, IMPORT_AUTHOR, "removed from knowledge/", now);
                tally.passagesRetired++;
            }
            default -> { }
        }
    }

    /** A source whose file left knowledge/ is retired once no live passage cites it (moderators' passages keep theirs). */
    private void retireSourcesLeftFiles(Corpus corpus, Set<String> stored) throws SQLException {
        Set<String> sourceFiles = new HashSet<>();
        corpus.sources().forEach(s -> sourceFiles.add(s.id()));
        for (String id : stored) {
            if (!sourceFiles.contains(id) && !cited(c, id)
                    && Sql.exec(c, "UPDATE sources SET status = 'retired', updated_at = ? WHERE id = ? AND status = 'live'", now, id) == 1) {
                CorpusStore.revision(c, "source", id, "retire", null, IMPORT_AUTHOR, "removed from knowledge/", now);
            }
        }
    }

    /** Passages whose latest revision is not an import's: moderators changed them since knowledge/ was read. */
    private static Set<String> moderatedSinceImport(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.entity_id FROM revisions r JOIN "
                + "(SELECT entity_id, MAX(id) AS last FROM revisions WHERE entity = 'passage' GROUP BY entity_id) m "
                + "ON r.id = m.last WHERE r.author <> ?")) {
            ps.setString(1, IMPORT_AUTHOR);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static boolean cited(Connection c, String sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM passages WHERE source_id = ? AND status = 'live' LIMIT 1")) {
            ps.setString(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
