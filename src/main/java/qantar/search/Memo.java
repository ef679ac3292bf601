package qantar.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values made once per key and remembered, for work every question repeats on the same few inputs
 * (a glossary concept's query, a word's stem). Questions bring words without end, so past
 * {@code most} keys it starts over rather than grow.
 */
final class Memo<K, V> {
    private final int most;
    private final Map<K, V> known = new ConcurrentHashMap<>();

    Memo(int most) {
        this.most = most;
    }

    V get(K key, Function<K, V> make) {
        V v = known.get(key);
        if (v == null) {
            v = make.apply(key);
            if (known.size() >= most) {
                known.clear();
            }
            known.put(key, v);
        }
        return v;
    }
}
