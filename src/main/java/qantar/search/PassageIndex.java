package qantar.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
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
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Topic;

/**
 * The Lucene index of the live passages. It is derived data: it records the corpus revision it was
 * built from and is rebuilt whole when that changes (a few hundred passages take well under a second).
 *
 * <p>With an {@link Embedder}, every passage also carries the vector of its English text. Embedding
 * is the slow part (about two seconds for the shipped corpus), so a rebuild takes over the vectors of
 * unchanged texts from the previous index and embeds only new ones.
 */
public final class PassageIndex implements AutoCloseable {
    public static final String ID = "id";
    public static final String SIDE = "side";
    public static final String VECTOR = "vector";
    private static final String TEXT_HASH = "text_hash";
    /** Bump when the fields or analyzers change, so old indexes are rebuilt. */
    private static final String FORMAT = "7";
    private static final String NO_VECTORS = "none";
    private static final int EMBED_BATCH = 16;

    private final Directory directory;
    private final Optional<Embedder> embedder;
    private SearcherManager searchers;

    private PassageIndex(Directory directory, Optional<Embedder> embedder) {
        this.directory = directory;
        this.embedder = embedder;
    }

    public static PassageIndex open(Path dir, Optional<Embedder> embedder) {
        try {
            return new PassageIndex(FSDirectory.open(dir), embedder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + dir, e);
        }
    }

    public static PassageIndex inMemory(Optional<Embedder> embedder) {
        return new PassageIndex(new ByteBuffersDirectory(), embedder);
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
            return FORMAT.equals(data.get("format")) && vectorsId().equals(data.get("vectors"))
                    ? Long.parseLong(data.getOrDefault("revision", "-1")) : -1;
        } catch (IndexNotFoundException e) {
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    public synchronized void rebuild(List<Passage> passages, List<Topic> topics, long revision, IntConsumer progress) {
        IntConsumer step = progress == null ? n -> { } : progress;
        Map<String, float[]> vectors = embedder.isPresent() ? vectors(passages, step) : Map.of();
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField()).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter w = new IndexWriter(directory, config)) {
            int n = 0;
            for (Passage p : passages) {
                Document d = document(p, topics);
                float[] v = vectors.get(textHash(p));
                if (v != null) {
                    d.add(new StoredField(TEXT_HASH, textHash(p)));
                    d.add(new KnnFloatVectorField(VECTOR, v, VectorSimilarityFunction.COSINE));
                }
                w.addDocument(d);
                if (embedder.isEmpty()) {
                    step.accept(++n);
                }
            }
            w.setLiveCommitData(Map.of("revision", Long.toString(revision), "format", FORMAT, "vectors", vectorsId()).entrySet());
            w.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the index", e);
        }
        reopen();
    }

    /** Vectors by text hash: those of the previous index where the text is unchanged, the rest embedded now. */
    private Map<String, float[]> vectors(List<Passage> passages, IntConsumer step) {
        Map<String, float[]> known = previousVectors();
        Map<String, float[]> vectors = new HashMap<>();
        // Passages with the same English text share one vector, embedded once.
        Map<String, Passage> missing = new java.util.LinkedHashMap<>();
        for (Passage p : passages) {
            float[] v = known.get(textHash(p));
            if (v != null) {
                vectors.put(textHash(p), v);
            } else {
                missing.putIfAbsent(textHash(p), p);
            }
        }
        int n = passages.size() - missing.size();
        step.accept(n);
        List<Passage> toEmbed = List.copyOf(missing.values());
        for (int i = 0; i < toEmbed.size(); i += EMBED_BATCH) {
            List<Passage> batch = toEmbed.subList(i, Math.min(toEmbed.size(), i + EMBED_BATCH));
            List<float[]> embedded = embedder.orElseThrow().embedAll(batch.stream().map(PassageIndex::vectorText).toList());
            for (int k = 0; k < batch.size(); k++) {
                vectors.put(textHash(batch.get(k)), embedded.get(k));
            }
            n += batch.size();
            step.accept(n);
        }
        return vectors;
    }

    /** The vectors in the index as it is now, if they come from the same model. */
    private Map<String, float[]> previousVectors() {
        Map<String, float[]> known = new HashMap<>();
        try {
            if (!vectorsId().equals(SegmentInfos.readLatestCommit(directory).getUserData().get("vectors"))) {
                return known;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                    if (values == null) {
                        continue;
                    }
                    var stored = leaf.reader().storedFields();
                    for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                        String hash = stored.document(d).get(TEXT_HASH);
                        if (hash != null) {
                            known.put(hash, values.vectorValue().clone());
                        }
                    }
                }
            }
        } catch (IndexNotFoundException e) {
            // a first build: everything is embedded
        } catch (IOException e) {
            // an unreadable old index is only a lost cache
            known.clear();
        }
        return known;
    }

    /** The English text: the only language the embedding model understands. */
    static String vectorText(Passage p) {
        String en = p.texts().get(Lang.EN);
        return en != null ? en : p.texts().values().iterator().next();
    }

    private static String textHash(Passage p) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(vectorText(p).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refreshes searching onto the latest commit; searches in flight finish on the one they hold. */
    private synchronized void reopen() {
        try {
            if (searchers == null) {
                searchers = new SearcherManager(directory, null);
            } else {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index", e);
        }
    }

    /** Runs a search on a searcher that stays valid for the whole call, even if the index is rebuilt meanwhile. */
    public <T> T search(SearchWork<T> work) {
        SearcherManager m;
        synchronized (this) {
            if (searchers == null) {
                reopen();
            }
            m = searchers;
        }
        try {
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

    private static Document document(Passage p, List<Topic> topics) {
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
                topics.stream().filter(x -> x.id().equals(t)).findFirst().ifPresent(x -> text.add(x.label(lang)));
            }
            d.add(new TextField(field(lang), text.toString(), Field.Store.NO));
        }
        new java.util.LinkedHashSet<>(List.of(p.speaker(Lang.EN), p.speaker(Lang.RU), p.speaker(Lang.KK))).forEach(all::add);
        d.add(new TextField(Analyzers.TRANSLIT, all.toString(), Field.Store.NO));
        // The questions a passage answers, each language in its own field (doc2query): found by what it answers.
        p.asks().forEach((lang, qs) -> d.add(new TextField(Analyzers.askField(lang), String.join("\n", qs), Field.Store.NO)));
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
    public synchronized void close() {
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
