package qantar.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
        // The changed passages merged into the known ones in id order: no map of the whole corpus per approval.
        TreeMap<String, Optional<Passage>> changes = new TreeMap<>();
        for (String id : changed) {
            CorpusStore.Stored s = CorpusStore.stored(c, id);
            changes.put(id, s != null && s.live() ? Optional.of(s.passage()) : Optional.empty());
        }
        List<Passage> passages = new ArrayList<>(known.passages().size() + changes.size());
        for (Passage p : inIdOrder(known.passages())) {
            while (!changes.isEmpty() && changes.firstKey().compareTo(p.id()) < 0) {
                changes.pollFirstEntry().getValue().ifPresent(passages::add);
            }
            Optional<Passage> changedTo = changes.remove(p.id());
            if (changedTo == null) {
                passages.add(p);
            } else {
                changedTo.ifPresent(passages::add);
            }
        }
        changes.values().forEach(v -> v.ifPresent(passages::add));
        Corpus rest = load(c, store, false);
        return new Corpus(rest.sources(), List.copyOf(passages), rest.topics(), rest.glossary(), rest.timeline());
    }

    /** The passages by id (as they are when read by {@link #load} or made by {@link #since}; sorted otherwise). */
    private static List<Passage> inIdOrder(List<Passage> passages) {
        for (int i = 1; i < passages.size(); i++) {
            if (passages.get(i - 1).id().compareTo(passages.get(i).id()) > 0) {
                return passages.stream().sorted(Comparator.comparing(Passage::id)).toList();
            }
        }
        return passages;
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
