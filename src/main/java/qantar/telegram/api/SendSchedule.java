package qantar.telegram.api;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import qantar.telegram.api.TelegramStore.Outgoing;

/**
 * Which queued call may go next under Telegram's limits, and when: the per-chat order and gap, the
 * overall and per-group rates, a chat's 429 wait. Bookkeeping only, no threads and no I/O; not
 * thread-safe: {@link SendQueue} calls it under its own lock. Times are {@link System#nanoTime}.
 */
final class SendSchedule {
    private static final long MAX_WAIT_MS = 200;

    private final SendLimits limits;
    private final Map<Long, ArrayDeque<Outgoing>> byChat = new HashMap<>();
    private final ArrayDeque<Outgoing> instant = new ArrayDeque<>();
    private final Map<Long, Long> chatReadyAt = new HashMap<>();
    private final Map<Long, Long> lastTyping = new HashMap<>();
    private final Set<Long> chatsInFlight = new HashSet<>();
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private final Map<Long, ArrayDeque<Long>> recentByGroup = new HashMap<>();
    private int pacedInFlight;
    private int callsInFlight;
    private long instantReadyAt;

    SendSchedule(SendLimits limits) {
        this.limits = limits;
    }

    void add(Outgoing o) {
        if (paced(o)) {
            byChat.computeIfAbsent(o.chatId(), k -> new ArrayDeque<>()).add(o);
        } else {
            instant.add(o);
        }
    }

    /** See {@link SendQueue#mayType}; counts the action against the overall rate when it may go. */
    boolean mayType(long chatId, long now) {
        prune(recent, now, TimeUnit.SECONDS.toNanos(1));
        Long last = lastTyping.get(chatId);
        if (now < chatReadyAt.getOrDefault(chatId, Long.MIN_VALUE) || recent.size() + pacedInFlight >= limits.perSecond()
                || last != null && now - last < TimeUnit.SECONDS.toNanos(5)) {
            return false;
        }
        if (lastTyping.size() > 10_000) {
            lastTyping.values().removeIf(t -> now - t > TimeUnit.SECONDS.toNanos(5));
        }
        lastTyping.put(chatId, now);
        recent.add(now);
        return true;
    }

    /** Calls queued or in flight. */
    int pending() {
        return instant.size() + byChat.values().stream().mapToInt(ArrayDeque::size).sum() + callsInFlight;
    }

    /** The next call allowed now, taken off its queue and marked in flight; null when none is. */
    Outgoing take(long now) {
        if (!instant.isEmpty() && now >= instantReadyAt) {
            callsInFlight++;
            return instant.poll();
        }
        prune(recent, now, TimeUnit.SECONDS.toNanos(1));
        if (recent.size() + pacedInFlight >= limits.perSecond()) {
            return null;
        }
        Outgoing best = null;
        for (var e : byChat.entrySet()) {
            long chat = e.getKey();
            Outgoing head = e.getValue().peek();
            if (head == null || chatsInFlight.contains(chat) || now < chatReadyAt.getOrDefault(chat, Long.MIN_VALUE)) {
                continue;
            }
            if (chat < 0) {
                ArrayDeque<Long> g = recentByGroup.computeIfAbsent(chat, k -> new ArrayDeque<>());
                prune(g, now, TimeUnit.MILLISECONDS.toNanos(limits.groupWindowMillis()));
                if (g.size() >= limits.perGroupWindow()) {
                    continue;
                }
            }
            if (best == null || head.id() < best.id()) {
                best = head;
            }
        }
        if (best != null) {
            byChat.get(best.chatId()).poll();
            chatsInFlight.add(best.chatId());
            pacedInFlight++;
            callsInFlight++;
        }
        return best;
    }

    /** How long nothing can be sent: until the first chat, lane or rate window frees up (at most MAX_WAIT_MS). */
    long waitMillis(long now) {
        long soonest = now + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);
        if (!instant.isEmpty()) {
            soonest = Math.min(soonest, instantReadyAt);
        }
        if (recent.size() + pacedInFlight >= limits.perSecond() && !recent.isEmpty()) {
            soonest = Math.min(soonest, recent.peek() + TimeUnit.SECONDS.toNanos(1));
        } else {
            for (var e : byChat.entrySet()) {
                if (!e.getValue().isEmpty() && !chatsInFlight.contains(e.getKey())) {
                    soonest = Math.min(soonest, chatReadyAt.getOrDefault(e.getKey(), now));
                }
            }
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(soonest - now) + 1);
    }

    /**
     * Whether nothing can go out before {@code deadline}: no call in flight, and every queued one
     * held back past it (its chat's 429 wait or gap, or the instant lane's). The rate windows are
     * left out: they only ever hold a call back further.
     */
    boolean idleUntil(long deadline, long now) {
        if (callsInFlight > 0 || !instant.isEmpty() && instantReadyAt <= deadline) {
            return false;
        }
        for (var e : byChat.entrySet()) {
            if (!e.getValue().isEmpty() && chatReadyAt.getOrDefault(e.getKey(), now) <= deadline) {
                return false;
            }
        }
        return true;
    }

    /**
     * A call taken by {@link #take} completed: frees its chat, counts it against the rates, holds the
     * chat (or the instant lane) back for {@code waitNanos}, and puts the call first again on
     * {@code requeue}.
     */
    void completed(Outgoing o, long now, long waitNanos, boolean requeue) {
        callsInFlight--;
        if (paced(o)) {
            pacedInFlight--;
            chatsInFlight.remove(o.chatId());
            recent.add(now);
            if (o.chatId() < 0) {
                recentByGroup.computeIfAbsent(o.chatId(), k -> new ArrayDeque<>()).add(now);
            }
            chatReadyAt.put(o.chatId(), now + Math.max(waitNanos, TimeUnit.MILLISECONDS.toNanos(limits.perChatMillis())));
            if (requeue) {
                byChat.computeIfAbsent(o.chatId(), k -> new ArrayDeque<>()).addFirst(o);
            }
        } else if (requeue) {
            instantReadyAt = now + waitNanos;
            instant.addFirst(o);
        }
    }

    private static boolean paced(Outgoing o) {
        return o.paced() && o.chatId() != null;
    }

    private static void prune(ArrayDeque<Long> times, long now, long window) {
        while (!times.isEmpty() && times.peek() <= now - window) {
            times.poll();
        }
    }
}
