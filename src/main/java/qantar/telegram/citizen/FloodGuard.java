package qantar.telegram.citizen;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perMinute} questions a minute per user. Past that the user gets one polite
 * notice per minute, and further questions in that minute are not answered. An update counts once,
 * however often its handling is retried (after a database lock, say).
 */
final class FloodGuard {
    enum Verdict { ANSWER, NOTICE, SILENT }

    private static final long WINDOW = 60_000_000_000L;

    /** When a question was counted, and for which update. */
    private record Asked(long at, int updateId) {
    }

    private final int perMinute;
    private final Map<Long, ArrayDeque<Asked>> asked = new HashMap<>();
    private final Map<Long, Long> noticed = new HashMap<>();

    FloodGuard(int perMinute) {
        this.perMinute = perMinute;
    }

    synchronized Verdict check(long userId, int updateId) {
        long now = System.nanoTime();
        ArrayDeque<Asked> times = asked.computeIfAbsent(userId, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peek().at() <= now - WINDOW) {
            times.poll();
        }
        if (times.stream().anyMatch(a -> a.updateId() == updateId)) {
            return Verdict.ANSWER; // the same update handled again: already counted
        }
        if (times.size() < perMinute) {
            times.add(new Asked(now, updateId));
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
