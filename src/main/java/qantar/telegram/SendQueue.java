package qantar.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qantar.telegram.TelegramStore.Outgoing;

/**
 * Delivers the outbox within Telegram's limits. Messages of one chat leave in order, one at a time,
 * at most one per {@link SendLimits#perChatMillis()}; all chats together stay under the overall
 * and per-group rates; a 429 holds that chat back for its retry_after. A call is marked sent only
 * after the Bot API accepted it, so nothing queued is lost; a crash between Telegram accepting a
 * call and the mark can send that one call again after restart.
 *
 * <p>Limits are counted from when a call completes, not when it starts: then the gaps Telegram
 * sees between arrivals are never shorter than ours.
 */
final class SendQueue {
    private static final Logger log = LoggerFactory.getLogger(SendQueue.class);
    private static final long MAX_WAIT_MS = 200;

    private final Transport transport;
    private final TelegramStore store;
    private final SendLimits limits;
    private final Counters counters;
    private final Map<Long, ArrayDeque<Outgoing>> byChat = new HashMap<>();
    private final ArrayDeque<Outgoing> instant = new ArrayDeque<>();
    private final Map<Long, Long> chatReadyAt = new HashMap<>();
    private final Set<Long> chatsInFlight = new HashSet<>();
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private final Map<Long, ArrayDeque<Long>> recentByGroup = new HashMap<>();
    private final List<Thread> senders = new ArrayList<>();
    private int pacedInFlight;
    private int callsInFlight;
    private long instantReadyAt;
    private boolean stopped;

    SendQueue(Transport transport, TelegramStore store, SendLimits limits, Counters counters) {
        this.transport = transport;
        this.store = store;
        this.limits = limits;
        this.counters = counters;
    }

    void start(int threads) {
        for (Outgoing o : store.unsent()) {
            add(o);
        }
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::run, "tg-send-" + i);
            t.setDaemon(true);
            senders.add(t);
            t.start();
        }
    }

    synchronized void addAll(List<Outgoing> calls) {
        calls.forEach(this::add);
        notifyAll();
    }

    private synchronized void add(Outgoing o) {
        if (o.paced() && o.chatId() != null) {
            byChat.computeIfAbsent(o.chatId(), k -> new ArrayDeque<>()).add(o);
        } else {
            instant.add(o);
        }
    }

    synchronized int pending() {
        return instant.size() + byChat.values().stream().mapToInt(ArrayDeque::size).sum() + callsInFlight;
    }

    /** Lets the queue drain for up to {@code graceMillis}, then stops; what is left stays in the outbox. */
    void stop(long graceMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        synchronized (this) {
            while (pending() > 0 && System.nanoTime() < deadline) {
                try {
                    wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            stopped = true;
            notifyAll();
        }
        for (Thread t : senders) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (true) {
            Outgoing next;
            synchronized (this) {
                next = null;
                while (!stopped && (next = take(System.nanoTime())) == null) {
                    try {
                        wait(waitMillis(System.nanoTime()));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped) {
                    return;
                }
            }
            Transport.Result r;
            try {
                r = transport.call(next.method(), next.payload());
            } catch (RuntimeException e) {
                r = new Transport.RetryAfter(1000, false);
                log.warn("sending {} failed: {}", next.method(), e.toString());
            }
            done(next, r);
        }
    }

    /** The next call allowed now, taken off its queue and marked in flight; null when none is. */
    private Outgoing take(long now) {
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
    private long waitMillis(long now) {
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

    private static void prune(ArrayDeque<Long> times, long now, long window) {
        while (!times.isEmpty() && times.peek() <= now - window) {
            times.poll();
        }
    }

    private void done(Outgoing o, Transport.Result r) {
        boolean requeue = r instanceof Transport.RetryAfter;
        if (r instanceof Transport.Accepted) {
            store.markSent(o.id());
            counters.sent();
        } else if (r instanceof Transport.Refused refused) {
            store.markFailed(o.id(), refused.code() + " " + refused.description());
            counters.error();
            log.warn("Telegram refused {} (outbox #{}): {} {}", o.method(), o.id(), refused.code(), refused.description());
        } else if (r instanceof Transport.RetryAfter retry && retry.tooManyRequests()) {
            counters.throttled();
            log.info("429 from Telegram on {}: waiting {} ms", o.method(), retry.millis());
        }
        synchronized (this) {
            long now = System.nanoTime();
            callsInFlight--;
            long wait = r instanceof Transport.RetryAfter retry ? TimeUnit.MILLISECONDS.toNanos(retry.millis()) : 0;
            if (o.paced() && o.chatId() != null) {
                pacedInFlight--;
                chatsInFlight.remove(o.chatId());
                recent.add(now);
                if (o.chatId() < 0) {
                    recentByGroup.computeIfAbsent(o.chatId(), k -> new ArrayDeque<>()).add(now);
                }
                chatReadyAt.put(o.chatId(), now + Math.max(wait, TimeUnit.MILLISECONDS.toNanos(limits.perChatMillis())));
                if (requeue) {
                    byChat.computeIfAbsent(o.chatId(), k -> new ArrayDeque<>()).addFirst(o);
                }
            } else if (requeue) {
                instantReadyAt = now + wait;
                instant.addFirst(o);
            }
            notifyAll();
        }
    }
}
