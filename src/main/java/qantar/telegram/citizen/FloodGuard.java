package qantar.telegram.citizen;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most {@code perMinute} questions a minute per user. Past that the user gets one polite
 * notice per minute, and further questions in that minute are not answered. An update counts once,
 * however often its handling is retried (after a database lock, say). Users idle for a minute are
 * forgotten, at most once a minute, so the guard holds only those who asked lately.
 */
final class FloodGuard {
    enum Verdict { ANSWER, NOTICE, SILENT }

    private static final long WINDOW = 60_000_000_000L;

    /** When a question was counted, and for which update. */
    private record Asked(long at, int updateId) {
    }

    private final int perMinute;
    private final LongSupplier clock;
    private final Map<Long, ArrayDeque<Asked>> asked = new HashMap<>();
    private final Map<Long, Long> noticed = new HashMap<>();
    private long sweptAt;

    FloodGuard(int perMinute) {
        this(perMinute, System::nanoTime);
    }

    /** With a clock in nanoseconds, as {@link System#nanoTime}. */
    FloodGuard(int perMinute, LongSupplier clock) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.sweptAt = clock.getAsLong();
    }

    synchronized Verdict check(long userId, int updateId) {
        long now = clock.getAsLong();
        if (now - sweptAt >= WINDOW) {
            forgetIdle(now);
        }
        ArrayDeque<Asked> times = asked.computeIfAbsent(userId, k -> new ArrayDeque<>());
        expire(times, now);
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

    /** How many users the guard holds anything of. */
    synchronized int tracked() {
        java.util.Set<Long> users = new java.util.HashSet<>(asked.keySet());
        users.addAll(noticed.keySet());
        return users.size();
    }

    private static void expire(ArrayDeque<Asked> times, long now) {
        while (!times.isEmpty() && times.peek().at() <= now - WINDOW) {
            times.poll();
        }
    }

    /** Drops users with no question and no notice in the last minute: they are counted afresh. */
    private void forgetIdle(long now) {
        asked.values().forEach(times -> expire(times, now));
        asked.values().removeIf(ArrayDeque::isEmpty);
        noticed.values().removeIf(at -> at <= now - WINDOW);
        sweptAt = now;
    }
}
