package qantar.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.corpus.Topic;
import qantar.store.VectorCache;

/**
 * The Lucene index of the live passages. It is derived data: it records the corpus revision it was
 * last brought up to, and {@link #update} changes only the documents whose content changed (each
 * carries a hash of its fields), so an approval at 100,000 passages rewrites one document, not all.
 *
 * <p>Indexing never blocks searching: updates hold their own lock and publish a new searcher when
 * committed; a search runs on the searcher it acquired, so questions asked meanwhile are answered
 * from the previous state of the index.
 *
 * <p>With an {@link Embedder}, every passage also carries the vector of its English text
 * ({@link IndexVectors}: embedded only when no earlier vector of the same text is known), in its
 * side's own field ({@link #vectorField}): every side's nearest passages are one search of its own
 * vectors, not a search of all filtered to the side.
 */
public final class PassageIndex implements AutoCloseable {
    public static final String ID = "id";
    public static final String SIDE = "side";
    /** Bump when the fields or analyzers change, so old indexes are rebuilt. */
    private static final String FORMAT = "11";
    private static final String NO_VECTORS = "none";
    /** Fewer, larger segments on a first build: each flushed segment builds its own vector graph, and merging rebuilds them. */
    private static final double RAM_BUFFER_MB = 128;
    private static final KnnVectorsFormat EXACT_VECTORS = new ExactVectorsFormat();

    private final Directory directory;
    private final Optional<Embedder> embedder;
    private final VectorCache cache;
    /** Held by updates only; searches never take it. */
    private final Object writing = new Object();
    private final Searchers searchers;

    private PassageIndex(Directory directory, Optional<Embedder> embedder, VectorCache cache) {
        this.directory = directory;
        this.embedder = embedder;
        this.cache = cache;
        this.searchers = new Searchers(directory);
    }

    public static PassageIndex open(Path dir, Optional<Embedder> embedder) {
        return open(dir, embedder, VectorCache.NONE);
    }

    public static PassageIndex open(Path dir, Optional<Embedder> embedder, VectorCache cache) {
        try {
            return new PassageIndex(FSDirectory.open(dir), embedder, cache);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + dir, e);
        }
    }

    public static PassageIndex inMemory(Optional<Embedder> embedder) {
        return new PassageIndex(new ByteBuffersDirectory(), embedder, VectorCache.NONE);
    }

    /** The model whose vectors the passages carry, if any. */
    public Optional<Embedder> embedder() {
        return embedder;
    }

    private String vectorsId() {
        return embedder.map(Embedder::id).orElse(NO_VECTORS);
    }

    /**
     * The corpus revision the index on disk was built from, or -1 if there is none or it is outdated
     * (another format, or vectors of another model or none).
     */
    public long builtRevision() {
        try {
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            return current(data) ? Long.parseLong(data.getOrDefault("revision", "-1")) : -1;
        } catch (IndexNotFoundException e) {
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private boolean current(Map<String, String> commitData) {
        return FORMAT.equals(commitData.get("format")) && vectorsId().equals(commitData.get("vectors"));
    }

    /**
     * Brings the index to exactly these passages: documents whose content changed are rewritten,
     * those of passages no longer given are deleted, the rest are left alone. An index of another
     * format or model is rebuilt whole. Searches go on meanwhile on the previous searcher.
     */
    public void update(List<Passage> passages, List<Topic> topics, long revision, IntConsumer progress) {
        update(passages, topics, revision, null, progress);
    }

    /**
     * As {@link #update}, when the caller knows that only the passages of these ids may differ from
     * the index (a moderator's approval): the others are not even looked at. Any topic change, or an
     * index to be rebuilt whole, needs {@link #update}.
     */
    public void updateChanged(List<Passage> passages, List<Topic> topics, long revision, Set<String> changedIds) {
        update(passages, topics, revision, Objects.requireNonNull(changedIds), null);
    }

    private void update(List<Passage> passages, List<Topic> topics, long revision, Set<String> only, IntConsumer progress) {
        IntConsumer step = progress == null ? n -> { } : progress;
        synchronized (writing) {
            boolean hinted = only != null && builtRevision() >= 0;
            Map<String, String> indexed = hinted ? new HashMap<>() : indexedHashes();
            Map<String, Topic> topicsById = new HashMap<>();
            topics.forEach(x -> topicsById.put(x.id(), x));
            // Only the hashes are kept: a changed passage's document is made again when it is written.
            Map<String, String> changed = new LinkedHashMap<>();
            Map<String, Passage> byId = new HashMap<>();
            for (Passage p : passages) {
                if (hinted && !only.contains(p.id())) {
                    continue; // nor kept by id: at 100,000 passages a map of them all per approval is not free
                }
                byId.put(p.id(), p);
                String hash = IndexDocuments.docHash(IndexDocuments.document(p, topicsById), p);
                if (!hash.equals(indexed.get(p.id()))) {
                    changed.put(p.id(), hash);
                }
            }
            if (hinted) {
                only.forEach(id -> indexed.put(id, "")); // deleted below unless still live
            }
            int unchanged = passages.size() - changed.size();
            step.accept(unchanged);
            List<Passage> toWrite = changed.keySet().stream().map(byId::get).toList();
            Map<String, float[]> vectors = Map.of();
            String vectorsId = vectorsId();
            try {
                vectors = embedder.isPresent() ? new IndexVectors(directory, embedder.get(), cache).of(toWrite, unchanged, step) : Map.of();
            } catch (Embedder.Unavailable e) {
                vectorsId = NO_VECTORS; // recorded so, the next start tries again with the whole index
            }
            boolean fresh = indexed.isEmpty() && !hinted;
            IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField()).setRAMBufferSizeMB(RAM_BUFFER_MB).setCodec(codecFor(passages.size()))
                    .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
            try (IndexWriter w = new IndexWriter(directory, config)) {
                for (String id : indexed.keySet()) {
                    if (!byId.containsKey(id)) {
                        w.deleteDocuments(new Term(ID, id));
                    }
                }
                // In corpus order, one thread: the same corpus gives the same index, and so the same answers.
                for (Passage p : toWrite) {
                    Document d = IndexDocuments.toWrite(p, topicsById, changed.get(p.id()), vectors.get(IndexDocuments.textHash(p)));
                    if (fresh) {
                        w.addDocument(d);
                    } else {
                        w.updateDocument(new Term(ID, p.id()), d);
                    }
                    if (embedder.isEmpty()) {
                        step.accept(++unchanged);
                    }
                }
                w.setLiveCommitData(Map.of("revision", Long.toString(revision), "format", FORMAT, "vectors", vectorsId).entrySet());
                w.commit();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot build the index", e);
            }
            step.accept(passages.size());
            searchers.refresh();
        }
    }

    /** Vectors without a graph while the answer path scans them all anyway ({@link ExactVectorsFormat}); with one beyond. */
    private static Codec codecFor(int passages) {
        if (passages > NearestBySide.EXACT_UP_TO) {
            return Codec.getDefault();
        }
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return EXACT_VECTORS;
            }
        };
    }

    /** Every indexed passage id with its document hash; empty when the index must be rebuilt whole (another format or model). */
    private Map<String, String> indexedHashes() {
        try {
            if (current(SegmentInfos.readLatestCommit(directory).getUserData())) {
                return IndexDocuments.indexedHashes(directory);
            }
        } catch (IOException e) {
            // no index yet, or an unreadable one: everything is written anew
        }
        return new HashMap<>();
    }

    /** Runs a search on a searcher that stays valid for the whole call, even if the index is updated meanwhile. */
    public <T> T search(SearchWork<T> work) {
        return searchers.search(work);
    }

    public interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** The field of the vectors of a side's passages. */
    public static String vectorField(Side side) {
        return "vector_" + side.id();
    }

    public static String field(Lang lang) {
        return switch (lang) {
            case RU -> Analyzers.RU;
            case EN -> Analyzers.EN;
            case KK -> Analyzers.KK;
        };
    }

    @Override
    public void close() {
        try {
            searchers.close();
            directory.close();
        } catch (IOException ignored) {
            // nothing to flush: the index is committed after every rebuild
        }
    }
}
