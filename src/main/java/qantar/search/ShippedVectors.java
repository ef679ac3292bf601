package qantar.search;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import qantar.corpus.Corpus;
import qantar.corpus.Passage;
import qantar.store.VectorCache;

/**
 * The vectors of a corpus shipped beside it ({@value #FILE} in the corpus folder), so that a first
 * start on an empty data folder embeds nothing. Keyed by model and text hash, as the stored vectors
 * are: a passage whose text changed since the file was written is simply not in it and is embedded
 * as usual, and entries of texts no longer in the corpus are never asked for.
 *
 * <p>Stored as float16 (half the size of float32; MiniLM's unit vectors lose nothing that changes a
 * ranking at that precision), sorted by hash, so the same corpus always gives the same file.
 * {@code corpus vectors} writes it.
 */
public final class ShippedVectors implements VectorCache {
    public static final String FILE = "vectors.bin";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ShippedVectors.class);
    private static final byte[] MAGIC = "QVEC".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int HASH_BYTES = 16;

    private final Path file;
    private String model;
    private Map<String, float[]> vectors;

    private ShippedVectors(Path file) {
        this.file = file;
    }

    /** The vectors shipped in this corpus folder (none when it has no file), read on first use. */
    public static ShippedVectors in(Path corpusDir) {
        return new ShippedVectors(corpusDir.resolve(FILE));
    }

    @Override
    public synchronized Map<String, float[]> get(String model, Collection<String> textHashes) {
        if (vectors == null) {
            load();
        }
        if (!model.equals(this.model)) {
            return Map.of();
        }
        Map<String, float[]> out = new HashMap<>();
        for (String h : textHashes) {
            float[] v = vectors.get(h);
            if (v != null) {
                out.put(h, v.clone());
            }
        }
        return out;
    }

    /** Read only: the file is written by {@link #write}, never by a running program. */
    @Override
    public void put(String model, Map<String, float[]> vectors) {
    }

    private void load() {
        vectors = Map.of();
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
            byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC) || b.getInt() != VERSION) {
                LOG.warn("{} is not a vector file of this version; passages are embedded instead", file);
                return;
            }
            byte[] name = new byte[b.getShort()];
            b.get(name);
            int dims = b.getInt();
            int count = b.getInt();
            Map<String, float[]> read = new HashMap<>(count * 2);
            byte[] hash = new byte[HASH_BYTES];
            for (int i = 0; i < count; i++) {
                b.get(hash);
                float[] v = new float[dims];
                for (int k = 0; k < dims; k++) {
                    v[k] = Half.toFloat(b.getShort());
                }
                read.put(HexFormat.of().formatHex(hash), v);
            }
            model = new String(name, StandardCharsets.UTF_8);
            vectors = read;
        } catch (IOException | BufferUnderflowException | IllegalArgumentException e) {
            LOG.warn("{} cannot be read ({}); passages are embedded instead", file, e.toString());
        }
    }

    /** What {@link #write} did: vectors taken over from the previous file, embedded now, and written in all. */
    public record Written(int reused, int embedded, int total) {
    }

    /**
     * Writes the file for this corpus: one vector per distinct English text, those of the previous
     * file kept as they were (so regenerating after one edit changes one entry), the rest embedded.
     */
    public static Written write(Path corpusDir, Corpus corpus, Embedder embedder) {
        Map<String, Passage> wanted = new LinkedHashMap<>();
        for (Passage p : corpus.passages()) {
            wanted.putIfAbsent(IndexDocuments.textHash(p), p);
        }
        Map<String, float[]> known = in(corpusDir).get(embedder.id(), wanted.keySet());
        List<String> toEmbed = new ArrayList<>();
        wanted.keySet().stream().filter(h -> !known.containsKey(h)).forEach(toEmbed::add);
        Map<String, float[]> all = new TreeMap<>(known);
        List<float[]> embedded = toEmbed.isEmpty() ? List.of()
                : embedder.embedAll(toEmbed.stream().map(h -> IndexDocuments.vectorText(wanted.get(h))).toList());
        for (int i = 0; i < toEmbed.size(); i++) {
            all.put(toEmbed.get(i), embedded.get(i));
        }
        try {
            Files.write(corpusDir.resolve(FILE), encode(embedder.id(), all));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + corpusDir.resolve(FILE), e);
        }
        return new Written(known.size(), toEmbed.size(), all.size());
    }

    private static byte[] encode(String model, Map<String, float[]> sorted) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            byte[] name = model.getBytes(StandardCharsets.UTF_8);
            out.writeShort(name.length);
            out.write(name);
            int dims = sorted.isEmpty() ? 0 : sorted.values().iterator().next().length;
            out.writeInt(dims);
            out.writeInt(sorted.size());
            for (var e : sorted.entrySet()) {
                out.write(HexFormat.of().parseHex(e.getKey()));
                for (float f : e.getValue()) {
                    out.writeShort(Half.fromFloat(f));
                }
            }
        }
        return bytes.toByteArray();
    }

    /** IEEE 754 half precision (Java 17 has no Float.floatToFloat16), rounding to nearest even. */
    static final class Half {
        private Half() {
        }

        static short fromFloat(float f) {
            int bits = Float.floatToRawIntBits(f);
            int sign = bits >>> 16 & 0x8000;
            int abs = bits & 0x7fffffff;
            if (abs > 0x7f800000) {
                return (short) (sign | 0x7e00); // NaN
            }
            if (abs >= 0x477ff000) {
                return (short) (sign | 0x7c00); // rounds past 65504: infinity
            }
            if (abs < 0x38800000) {
                // below the smallest normal half, 2^-14: a multiple of 2^-24, exactly scaled, rounded to even
                return (short) (sign | (int) Math.rint(Float.intBitsToFloat(abs) * 0x1p24f));
            }
            int rounded = abs + 0xfff + (abs >>> 13 & 1);
            return (short) (sign | (rounded - 0x38000000) >>> 13);
        }

        static float toFloat(short h) {
            int sign = (h & 0x8000) << 16;
            int exp = h >>> 10 & 0x1f;
            int mant = h & 0x3ff;
            if (exp == 0) {
                float v = mant * 0x1p-24f;
                return sign == 0 ? v : -v;
            }
            if (exp == 31) {
                return Float.intBitsToFloat(sign | 0x7f800000 | mant << 13);
            }
            return Float.intBitsToFloat(sign | (exp + 112) << 23 | mant << 13);
        }
    }
}
