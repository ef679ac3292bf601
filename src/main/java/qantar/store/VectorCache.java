package qantar.store;

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

    /** This cache, and for the hashes it lacks, {@code fallback} (read only: new vectors go to this one). */
    default VectorCache orElse(VectorCache fallback) {
        VectorCache first = this;
        return new VectorCache() {
            @Override
            public Map<String, float[]> get(String model, Collection<String> textHashes) {
                Map<String, float[]> found = new java.util.HashMap<>(first.get(model, textHashes));
                if (found.size() < textHashes.size()) {
                    found.putAll(fallback.get(model, textHashes.stream().filter(h -> !found.containsKey(h)).toList()));
                }
                return found;
            }

            @Override
            public void put(String model, Map<String, float[]> vectors) {
                first.put(model, vectors);
            }
        };
    }
}
