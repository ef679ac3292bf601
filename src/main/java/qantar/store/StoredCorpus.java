package qantar.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import qantar.corpus.Corpus;
import qantar.corpus.Passage;
import qantar.corpus.Source;

/** Reads the live corpus out of the store, whole or as the change since a known revision. */
final class StoredCorpus {
    private StoredCorpus() {
    }

    /** See {@link CorpusStore#loadSince}. */
    static Corpus since(Connection c, CorpusStore store, Corpus known, long revision, Set<String> changed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT entity_id FROM revisions WHERE entity = 'passage' AND id > ?")) {
            ps.setLong(1, revision);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.add(rs.getString(1));
                }
            }
        }
        TreeMap<String, Passage> passages = new TreeMap<>();
        known.passages().forEach(p -> passages.put(p.id(), p));
        for (String id : changed) {
            CorpusStore.Stored s = CorpusStore.stored(c, id);
            if (s != null && s.live()) {
                passages.put(id, s.passage());
            } else {
                passages.remove(id);
            }
        }
        Corpus rest = load(c, store, false);
        return new Corpus(rest.sources(), List.copyOf(passages.values()), rest.topics(), rest.glossary(), rest.timeline());
    }

    static Corpus load(Connection c, CorpusStore store, boolean withPassages) throws SQLException {
        List<Source> sources = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT data FROM sources WHERE status = 'live' ORDER BY id")) {
            while (rs.next()) {
                sources.add(CorpusJson.source(rs.getString(1)));
            }
        }
        List<Passage> passages = new ArrayList<>();
        if (withPassages) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT data FROM passages WHERE status = 'live' ORDER BY id")) {
                while (rs.next()) {
                    passages.add(CorpusJson.passage(rs.getString(1)));
                }
            }
        }
        String topics = store.meta("topics");
        String glossary = store.meta("glossary");
        String timeline = store.meta("timeline");
        return new Corpus(sources, passages,
                topics == null ? List.of() : CorpusJson.topics(topics),
                glossary == null ? List.of() : CorpusJson.glossary(glossary),
                timeline == null ? List.of() : CorpusJson.timeline(timeline));
    }
}
