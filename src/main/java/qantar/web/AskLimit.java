package qantar.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} questions a minute from one client address; the addresses of clients
 * silent for a minute are forgotten, so the map does not grow with every visitor.
 */
final class AskLimit {
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private final int perMinute;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    AskLimit(int perMinute) {
        this.perMinute = perMinute;
    }

    boolean allow(String client, long nowNanos) {
        if (recent.size() > 10_000) {
            recent.entrySet().removeIf(e -> { synchronized (e.getValue()) {
                return e.getValue().isEmpty() || nowNanos - e.getValue().peekLast() > WINDOW_NANOS;
            } });
        }
        Deque<Long> times = recent.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && nowNanos - times.peekFirst() > WINDOW_NANOS) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return false;
            }
            times.addLast(nowNanos);
            return true;
        }
    }
}
