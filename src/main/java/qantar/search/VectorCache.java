package qantar.search;

import java.util.Collection;
import java.util.Map;

/**
 * Passage vectors kept apart from the index, keyed by the model and the hash of the embedded text,
 * so a lost or rebuilt index never embeds a text again.
 */
public interface VectorCache {
    /** No cache: vectors are taken from the previous index only. */
    VectorCache NONE = new VectorCache() {
        @Override
        public Map<String, float[]> get(String model, Collection<String> textHashes) {
            return Map.of();
        }

        @Override
        public void put(String model, Map<String, float[]> vectors) {
        }
    };

    /** The vectors known for these text hashes (absent ones are left out). */
    Map<String, float[]> get(String model, Collection<String> textHashes);

    void put(String model, Map<String, float[]> vectors);
}
