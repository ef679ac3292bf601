package qantar.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.IntConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Topic;
import qantar.store.Sha256;
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
 * <p>With an {@link Embedder}, every passage also carries the vector of its English text. Embedding
 * is the slow part, so vectors are looked up by text hash in the {@link VectorCache} (the database),
 * then in the previous index, and only texts found in neither are embedded, in parallel batches.
 */
public final class PassageIndex implements AutoCloseable {
    public static final String ID = "id";
    public static final String SIDE = "side";
    public static final String VECTOR = "vector";
    private static final String TEXT_HASH = "text_hash";
    /** A hash of everything a document holds, to see which documents an update must rewrite. */
    private static final String DOC_HASH = "doc_hash";
    /** Bump when the fields or analyzers change, so old indexes are rebuilt. */
    private static final String FORMAT = "9";
    private static final String NO_VECTORS = "none";
    /** Texts per call to the model: enough to keep every core busy, few enough to report progress. */
    private static final int EMBED_BATCH = 64;
    /** Fewer, larger segments on a first build: each flushed segment builds its own vector graph, and merging rebuilds them. */
    private static final double RAM_BUFFER_MB = 128;

    private final Directory directory;
    private final Optional<Embedder> embedder;
    private final VectorCache cache;
    /** Held by updates only; searches never take it. */
    private final Object writing = new Object();
    private final Object opening = new Object();
    private volatile SearcherManager searchers;

    private PassageIndex(Directory directory, Optional<Embedder> embedder, VectorCache cache) {
        this.directory = directory;
        this.embedder = embedder;
        this.cache = cache;
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
    public void updateChanged(List<Passage> passages, List<Topic> topics, long revision, java.util.Set<String> changedIds) {
        update(passages, topics, revision, java.util.Objects.requireNonNull(changedIds), null);
    }

    private void update(List<Passage> passages, List<Topic> topics, long revision, java.util.Set<String> only, IntConsumer progress) {
        IntConsumer step = progress == null ? n -> { } : progress;
        synchronized (writing) {
            boolean hinted = only != null && builtRevision() >= 0;
            Map<String, String> indexed = hinted ? new HashMap<>() : indexedHashes();
            Map<String, Topic> topicsById = new HashMap<>();
            topics.forEach(x -> topicsById.put(x.id(), x));
            // Only the hashes are kept: a changed passage's document is made again when it is written.
            Map<String, String> changed = new java.util.LinkedHashMap<>();
            Map<String, Passage> byId = new HashMap<>();
            for (Passage p : passages) {
                byId.put(p.id(), p);
                if (hinted && !only.contains(p.id())) {
                    continue;
                }
                String hash = docHash(document(p, topicsById), p);
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
                vectors = embedder.isPresent() ? vectors(toWrite, unchanged, step) : Map.of();
            } catch (Embedder.Unavailable e) {
                vectorsId = NO_VECTORS; // recorded so, the next start tries again with the whole index
            }
            boolean fresh = indexed.isEmpty() && !hinted;
            IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField()).setRAMBufferSizeMB(RAM_BUFFER_MB)
                    .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
            try (IndexWriter w = new IndexWriter(directory, config)) {
                for (String id : indexed.keySet()) {
                    if (!byId.containsKey(id)) {
                        w.deleteDocuments(new Term(ID, id));
                    }
                }
                // In corpus order, one thread: the same corpus gives the same index, and so the same answers.
                for (Passage p : toWrite) {
                    Document d = document(p, topicsById);
                    d.add(new SortedDocValuesField(ID, new BytesRef(p.id())));
                    // the side as doc values too: a question's one search sorts its candidates by side
                    d.add(new SortedDocValuesField(SIDE, new BytesRef(p.side().id())));
                    d.add(new BinaryDocValuesField(DOC_HASH, new BytesRef(changed.get(p.id()))));
                    float[] v = vectors.get(textHash(p));
                    if (v != null) {
                        d.add(new StringField(TEXT_HASH, textHash(p), Field.Store.NO));
                        d.add(new KnnFloatVectorField(VECTOR, v, VectorSimilarityFunction.COSINE));
                    }
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
            refresh();
        }
    }

    /**
     * Every indexed passage id with its document hash (from doc values: no stored document is read);
     * empty when there is no index or it must be rebuilt whole (another format or model), so that
     * everything is written anew.
     */
    private Map<String, String> indexedHashes() {
        Map<String, String> out = new HashMap<>();
        try {
            if (!current(SegmentInfos.readLatestCommit(directory).getUserData())) {
                return out;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    Bits liveDocs = leaf.reader().getLiveDocs();
                    SortedDocValues ids = DocValues.getSorted(leaf.reader(), ID);
                    BinaryDocValues hashes = DocValues.getBinary(leaf.reader(), DOC_HASH);
                    for (int d = ids.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = ids.nextDoc()) {
                        if (liveDocs == null || liveDocs.get(d)) {
                            String hash = hashes.advanceExact(d) ? hashes.binaryValue().utf8ToString() : "";
                            out.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), hash);
                        }
                    }
                }
            }
        } catch (IndexNotFoundException e) {
            // no index yet: everything is new
        } catch (IOException e) {
            // an unreadable index is rebuilt
            out.clear();
        }
        return out;
    }

    /** The document's fields and its vector text: what a change must be seen in. */
    private static String docHash(Document d, Passage p) {
        StringBuilder sb = new StringBuilder();
        for (IndexableField f : d.getFields()) {
            sb.append(f.name()).append('\u0000').append(f.stringValue()).append('\u0001');
        }
        return hash(sb.append(textHash(p)).toString());
    }

    /** Vectors by text hash for these passages: cached ones, those of the previous index, the rest embedded now. */
    private Map<String, float[]> vectors(List<Passage> passages, int done, IntConsumer step) {
        Map<String, Passage> wanted = new java.util.LinkedHashMap<>();
        passages.forEach(p -> wanted.putIfAbsent(textHash(p), p));
        String model = vectorsId();
        Map<String, float[]> vectors = new HashMap<>(cache.get(model, wanted.keySet()));
        Map<String, float[]> fresh = new HashMap<>();
        if (vectors.size() < wanted.size()) {
            previousVectors(wanted.keySet(), vectors).forEach((h, v) -> {
                vectors.put(h, v);
                fresh.put(h, v);
            });
        }
        // Passages with the same English text share one vector, embedded once.
        List<Passage> toEmbed = wanted.entrySet().stream().filter(e -> !vectors.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
        int n = done + passages.size() - toEmbed.size();
        step.accept(n);
        for (int i = 0; i < toEmbed.size(); i += EMBED_BATCH) {
            List<Passage> batch = toEmbed.subList(i, Math.min(toEmbed.size(), i + EMBED_BATCH));
            List<float[]> embedded = embedder.orElseThrow().embedAll(batch.stream().map(PassageIndex::vectorText).toList());
            Map<String, float[]> got = new HashMap<>();
            for (int k = 0; k < batch.size(); k++) {
                got.put(textHash(batch.get(k)), embedded.get(k));
            }
            vectors.putAll(got);
            fresh.putAll(got);
            n += batch.size();
            step.accept(n);
        }
        if (!fresh.isEmpty()) {
            cache.put(model, fresh);
        }
        return vectors;
    }

    /** The vectors of these text hashes in the index as it is now (if it is of the same model), found by their indexed hash. */
    private Map<String, float[]> previousVectors(java.util.Set<String> wanted, Map<String, float[]> known) {
        Map<String, float[]> found = new HashMap<>();
        try {
            if (!vectorsId().equals(SegmentInfos.readLatestCommit(directory).getUserData().get("vectors"))) {
                return found;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                    Terms terms = leaf.reader().terms(TEXT_HASH);
                    if (values == null || terms == null) {
                        continue;
                    }
                    // vector values are read in document order
                    java.util.TreeMap<Integer, String> docs = new java.util.TreeMap<>();
                    TermsEnum te = terms.iterator();
                    PostingsEnum postings = null;
                    for (String hash : wanted) {
                        if (!known.containsKey(hash) && !found.containsKey(hash) && te.seekExact(new BytesRef(hash))) {
                            postings = te.postings(postings, PostingsEnum.NONE);
                            int d = postings.nextDoc();
                            if (d != DocIdSetIterator.NO_MORE_DOCS) {
                                docs.put(d, hash);
                            }
                        }
                    }
                    for (var e : docs.entrySet()) {
                        if (values.docID() < e.getKey() && values.advance(e.getKey()) == e.getKey()) {
                            found.putIfAbsent(e.getValue(), values.vectorValue().clone());
                        }
                    }
                }
            }
        } catch (IndexNotFoundException e) {
            // a first build: everything is embedded
        } catch (IOException e) {
            // an unreadable old index is only a lost cache
            found.clear();
        }
        return found;
    }

    /** The English text: the only language the embedding model understands. */
    static String vectorText(Passage p) {
        String en = p.texts().get(Lang.EN);
        return en != null ? en : p.texts().values().iterator().next();
    }

    static String textHash(Passage p) {
        return hash(vectorText(p));
    }

    private static String hash(String text) {
        return HexFormat.of().formatHex(Sha256.of(text), 0, 16);
    }

    /** Publishes the latest commit to searches; those in flight finish on the searcher they hold. */
    private void refresh() {
        try {
            synchronized (opening) {
                if (searchers == null) {
                    searchers = new SearcherManager(directory, null);
                    return;
                }
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index", e);
        }
    }

    /** Runs a search on a searcher that stays valid for the whole call, even if the index is updated meanwhile. */
    public <T> T search(SearchWork<T> work) {
        SearcherManager m = searchers;
        try {
            if (m == null) {
                synchronized (opening) {
                    if (searchers == null) {
                        searchers = new SearcherManager(directory, null);
                    }
                    m = searchers;
                }
            }
            IndexSearcher s = m.acquire();
            try {
                return work.run(s);
            } finally {
                m.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    public interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private static Document document(Passage p, Map<String, Topic> topics) {
        Document d = new Document();
        d.add(new StringField(ID, p.id(), Field.Store.YES));
        d.add(new StringField(SIDE, p.side().id(), Field.Store.NO));
        StringJoiner all = new StringJoiner("\n");
        for (Lang lang : Lang.values()) {
            StringJoiner text = new StringJoiner("\n");
            if (p.texts().containsKey(lang)) {
                text.add(p.texts().get(lang));
                all.add(p.texts().get(lang));
            }
            text.add(p.speaker(lang));
            // Topic labels let a question about "the death toll" find passages that never use those words.
            for (String t : p.topics()) {
                Topic topic = topics.get(t);
                if (topic != null) {
                    text.add(topic.label(lang));
                }
            }
            d.add(new TextField(field(lang), text.toString(), Field.Store.NO));
        }
        new java.util.LinkedHashSet<>(List.of(p.speaker(Lang.EN), p.speaker(Lang.RU), p.speaker(Lang.KK))).forEach(all::add);
        d.add(new TextField(Analyzers.TRANSLIT, all.toString(), Field.Store.NO));
        // The questions a passage answers, each language in its own field (doc2query): found by what it answers.
        for (Lang lang : Lang.values()) {
            if (p.asks().containsKey(lang)) {
                d.add(new TextField(Analyzers.askField(lang), String.join("\n", p.asks().get(lang)), Field.Store.NO));
            }
        }
        return d;
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
            if (searchers != null) {
                searchers.close();
            }
            directory.close();
        } catch (IOException ignored) {
            // nothing to flush: the index is committed after every rebuild
        }
    }
}
