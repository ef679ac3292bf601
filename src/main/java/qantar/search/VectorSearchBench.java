package qantar.search;

import static qantar.measure.Percentiles.ofUnsorted;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import qantar.corpus.Side;

/**
 * {@code bench --knn N}: the ways {@link NearestBySide} can find every side's nearest passages,
 * timed and compared with the exact answer on N vectors. The vectors are those of an existing index
 * (a {@code bench --scale} data dir's) and, beyond its size, noisy copies of them (cosine about 0.9
 * to their original, as the vectors of perturbed copies of a passage are), with the same side.
 */
public final class VectorSearchBench {
    private static final double NOISE = 0.48;

    private VectorSearchBench() {
    }

    public static Map<String, Object> run(Path sourceIndex, int n, List<String> questions, Embedder embedder, int perSide)
            throws IOException {
        List<float[]> vectors = new ArrayList<>();
        List<Side> sides = new ArrayList<>();
        try (Directory source = FSDirectory.open(sourceIndex); DirectoryReader reader = DirectoryReader.open(source)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                for (Side side : Side.values()) {
                    FloatVectorValues values = leaf.reader().getFloatVectorValues(PassageIndex.vectorField(side));
                    for (int d = values == null ? DocIdSetIterator.NO_MORE_DOCS : values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS;
                         d = values.nextDoc()) {
                        vectors.add(values.vectorValue().clone());
                        sides.add(side);
                    }
                }
            }
        }
        int real = vectors.size();
        Random random = new Random(42);
        for (int i = real; i < n; i++) {
            vectors.add(noisy(vectors.get(i % real), random));
            sides.add(sides.get(i % real));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("vectors", n);
        report.put("vectors_from_index", Math.min(n, real));
        report.put("per_side", perSide);
        try (Directory dir = new ByteBuffersDirectory()) {
            long t = System.nanoTime();
            IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(128);
            try (IndexWriter w = new IndexWriter(dir, config)) {
                for (int i = 0; i < n; i++) {
                    Document d = new Document();
                    d.add(new KnnFloatVectorField(PassageIndex.vectorField(sides.get(i)), vectors.get(i), VectorSimilarityFunction.COSINE));
                    w.addDocument(d);
                }
                w.commit();
            }
            report.put("index_build_ms", round((System.nanoTime() - t) / 1e6));
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                report.put("segments", reader.leaves().size());
                List<float[]> queries = questions.stream().map(embedder::embed).toList();
                EnumSet<Side> all = EnumSet.allOf(Side.class);
                for (float[] q : queries) { // warm-up
                    for (NearestBySide.Way way : NearestBySide.Way.values()) {
                        NearestBySide.ranks(way, searcher, q, all, perSide);
                    }
                }
                for (NearestBySide.Way way : NearestBySide.Way.values()) {
                    double[] ms = new double[queries.size()];
                    double found = 0;
                    double wanted = 0;
                    for (int i = 0; i < queries.size(); i++) {
                        Map<Integer, Integer> exact = NearestBySide.ranks(NearestBySide.Way.EXACT, searcher, queries.get(i), all, perSide);
                        long s = System.nanoTime();
                        Map<Integer, Integer> got = NearestBySide.ranks(way, searcher, queries.get(i), all, perSide);
                        ms[i] = (System.nanoTime() - s) / 1e6;
                        wanted += exact.size();
                        found += exact.keySet().stream().filter(got::containsKey).count();
                    }
                    String name = way.name().toLowerCase(java.util.Locale.ROOT);
                    report.put(name + "_ms_p50", round(ofUnsorted(ms, 50)));
                    report.put(name + "_ms_p99", round(ofUnsorted(ms, 99)));
                    report.put(name + "_recall", round(found / wanted));
                }
            }
        }
        return report;
    }

    private static float[] noisy(float[] v, Random random) {
        float[] out = new float[v.length];
        double norm = 0;
        for (int k = 0; k < v.length; k++) {
            out[k] = (float) (v[k] + random.nextGaussian() * NOISE / Math.sqrt(v.length));
            norm += out[k] * out[k];
        }
        for (int k = 0; k < v.length; k++) {
            out[k] /= (float) Math.sqrt(norm);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
