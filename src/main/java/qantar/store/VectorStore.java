package qantar.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The passage vectors in SQLite (table {@code vectors}), little-endian float32 blobs. */
public final class VectorStore implements VectorCache {
    /** Hashes per SELECT: well under SQLite's limit on bound parameters. */
    private static final int CHUNK = 500;

    private final Database db;

    public VectorStore(Database db) {
        this.db = db;
    }

    @Override
    public Map<String, float[]> get(String model, Collection<String> textHashes) {
        List<String> all = new ArrayList<>(textHashes);
        Map<String, float[]> out = new HashMap<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            db.query(() -> {
                try (PreparedStatement ps = db.connection().prepareStatement(
                        "SELECT text_hash, vector FROM vectors WHERE model = ? AND text_hash IN (" + marks + ")")) {
                    ps.setString(1, model);
                    for (int k = 0; k < chunk.size(); k++) {
                        ps.setString(k + 2, chunk.get(k));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), floats(rs.getBytes(2)));
                        }
                    }
                }
                return null;
            });
        }
        return out;
    }

    @Override
    public void put(String model, Map<String, float[]> vectors) {
        db.inTransaction(() -> {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "INSERT INTO vectors (model, text_hash, vector) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (var e : vectors.entrySet()) {
                    ps.setString(1, model);
                    ps.setString(2, e.getKey());
                    ps.setBytes(3, bytes(e.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    private static float[] floats(byte[] bytes) {
        float[] v = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
