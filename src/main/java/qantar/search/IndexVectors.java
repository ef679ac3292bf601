package qantar.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.store.VectorCache;

/**
 * The vectors an index update needs, by text hash. Embedding is the slow part, so they are looked
 * up in the {@link VectorCache} (the database), then in the previous index, and only texts found in
 * neither are embedded, in parallel batches; what was found or embedded goes back to the cache, each
 * batch as soon as it is embedded.
 */
record IndexVectors(Directory directory, Embedder embedder, VectorCache cache) {
    /** Texts per call to the model: enough to keep every core busy, few enough to report progress. */
    private static final int EMBED_BATCH = 64;

    /** Vectors by text hash for these passages; {@code done} passages were already reported to {@code step}. */
    Map<String, float[]> of(List<Passage> passages, int done, IntConsumer step) {
        Map<String, Passage> wanted = new LinkedHashMap<>();
        passages.forEach(p -> wanted.putIfAbsent(IndexDocuments.textHash(p), p));
        String model = embedder.id();
        Map<String, float[]> vectors = new HashMap<>(cache.get(model, wanted.keySet()));
        if (vectors.size() < wanted.size()) {
            Map<String, float[]> found = previous(wanted.keySet(), vectors);
            vectors.putAll(found);
            if (!found.isEmpty()) {
                cache.put(model, found);
            }
        }
        // Passages with the same English text share one vector, embedded once.
        List<Passage> toEmbed = wanted.entrySet().stream().filter(e -> !vectors.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
        int n = done + passages.size() - toEmbed.size();
        step.accept(n);
        for (int i = 0; i < toEmbed.size(); i += EMBED_BATCH) {
            List<Passage> batch = toEmbed.subList(i, Math.min(toEmbed.size(), i + EMBED_BATCH));
            List<float[]> embedded = embedder.embedAll(batch.stream().map(IndexDocuments::vectorText).toList());
            Map<String, float[]> got = new HashMap<>();
            for (int k = 0; k < batch.size(); k++) {
                got.put(IndexDocuments.textHash(batch.get(k)), embedded.get(k));
            }
            vectors.putAll(got);
            // stored batch by batch, so a first index stopped halfway keeps what it embedded
            cache.put(model, got);
            n += batch.size();
            step.accept(n);
        }
        return vectors;
    }

    /** The vectors of these text hashes in the index as it is now (if it is of the same model), found by their indexed hash. */
    private Map<String, float[]> previous(Set<String> wanted, Map<String, float[]> known) {
        Map<String, float[]> found = new HashMap<>();
        try {
            if (!embedder.id().equals(SegmentInfos.readLatestCommit(directory).getUserData().get("vectors"))) {
                return found;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    Terms terms = leaf.reader().terms(IndexDocuments.TEXT_HASH);
                    if (terms == null) {
                        continue;
                    }
                    // vector values are read in document order
                    TreeMap<Integer, String> docs = new TreeMap<>();
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
                    // each side's vectors are in a field of their own
                    for (Side side : Side.values()) {
                        FloatVectorValues values = leaf.reader().getFloatVectorValues(PassageIndex.vectorField(side));
                        for (var e = docs.firstEntry(); values != null && e != null; e = docs.higherEntry(e.getKey())) {
                            int at = values.docID() < e.getKey() ? values.advance(e.getKey()) : values.docID();
                            if (at == DocIdSetIterator.NO_MORE_DOCS) {
                                break;
                            }
                            if (at == e.getKey()) {
                                found.putIfAbsent(e.getValue(), values.vectorValue().clone());
                            }
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
}
