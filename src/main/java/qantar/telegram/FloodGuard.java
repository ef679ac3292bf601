package qantar.telegram;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perMinute} questions a minute per user. Past that the user gets one polite
 * notice per minute, and further questions in that minute are not answered.
 */
final class FloodGuard {
    enum Verdict { ANSWER, NOTICE, SILENT }

    private static final long WINDOW = 60_000_000_000L;
    private final int perMinute;
    private final Map<Long, ArrayDeque<Long>> asked = new HashMap<>();
    private final Map<Long, Long> noticed = new HashMap<>();

    FloodGuard(int perMinute) {
        this.perMinute = perMinute;
    }

    synchronized Verdict check(long userId) {
        long now = System.nanoTime();
        ArrayDeque<Long> times = asked.computeIfAbsent(userId, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peek() <= now - WINDOW) {
            times.poll();
        }
        if (times.size() < perMinute) {
            times.add(now);
            return Verdict.ANSWER;
        }
        Long last = noticed.get(userId);
        if (last != null && last > now - WINDOW) {
            return Verdict.SILENT;
        }
        noticed.put(userId, now);
        return Verdict.NOTICE;
    }
}
