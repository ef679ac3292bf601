package qantar.telegram.api;

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
import qantar.telegram.api.TelegramStore.Outgoing;

/**
 * Delivers the outbox within Telegram's limits. Messages of one chat leave in order, one at a time,
 * at most one per {@link SendLimits#perChatMillis()}; all chats together stay under the overall
 * and per-group rates; a 429 holds that chat back for its retry_after. A call is marked sent only
 * after the Bot API accepted it, so nothing queued is lost. A call may reach Telegram twice only
 * when it was in flight at a crash or got no answer in time: at most one per chat per such event,
 * and at most one per sending thread per crash. Such a repeat is sent marked with 🔁, so the reader
 * sees it is the same message again. A store error on these paths is retried; a sending thread that
 * fails anyway is replaced.
 *
 * <p>Limits are counted from when a call completes, not when it starts: then the gaps Telegram
 * sees between arrivals are never shorter than ours.
 */
public final class SendQueue {
    private static final Logger log = LoggerFactory.getLogger(SendQueue.class);
    private static final long MAX_WAIT_MS = 200;

    private final Transport transport;
    private final TelegramStore store;
    private final SendLimits limits;
    private final Counters counters;
    private final Map<Long, ArrayDeque<Outgoing>> byChat = new HashMap<>();
    private final ArrayDeque<Outgoing> instant = new ArrayDeque<>();
    private final Map<Long, Long> chatReadyAt = new HashMap<>();
    private final Map<Long, Long> lastTyping = new HashMap<>();
    private final Set<Long> chatsInFlight = new HashSet<>();
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private final Map<Long, ArrayDeque<Long>> recentByGroup = new HashMap<>();
    private final List<Thread> senders = new ArrayList<>();
    private final Set<Long> maybeDelivered = new HashSet<>();
    private int pacedInFlight;
    private int callsInFlight;
    private long instantReadyAt;
    private boolean stopped;

    public SendQueue(Transport transport, TelegramStore store, SendLimits limits, Counters counters) {
        this.transport = transport;
        this.store = store;
        this.limits = limits;
        this.counters = counters;
    }

    public void start(int threads) {
        synchronized (this) {
            maybeDelivered.addAll(store.attempted());
            for (Outgoing o : store.unsent()) {
                add(o);
            }
        }
        for (int i = 0; i < threads; i++) {
            startSender("tg-send-" + i);
        }
    }

    private void startSender(String name) {
        Thread t = new Thread(() -> {
            try {
                run();
            } catch (RuntimeException | Error e) {
                log.error("sending thread {} failed; starting a new one: {}", name, e.toString());
                synchronized (this) {
                    if (stopped) {
                        return;
                    }
                }
                startSender(name);
            }
        }, name);
        t.setDaemon(true);
        synchronized (senders) {
            senders.add(t);
        }
        t.start();
    }

    public synchronized void addAll(List<Outgoing> calls) {
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

    /**
     * Whether a "typing…" action may go to this chat now: not while the chat waits out a 429 or its
     * per-chat gap, not when the overall rate is used up, and at most once per 5 s (as long as
     * Telegram shows it). It is no message, but Telegram counts it against the same limits.
     */
    public synchronized boolean mayType(long chatId) {
        long now = System.nanoTime();
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

    public synchronized int pending() {
        return instant.size() + byChat.values().stream().mapToInt(ArrayDeque::size).sum() + callsInFlight;
    }

    /** Lets the queue drain for up to {@code graceMillis}, then stops; what is left stays in the outbox. */
    public void stop(long graceMillis) {
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
        List<Thread> threads;
        synchronized (senders) {
            threads = List.copyOf(senders);
        }
        for (Thread t : threads) {
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
            Outgoing call = next;
            try {
                boolean repeat;
                synchronized (this) {
                    repeat = maybeDelivered.contains(call.id());
                }
                Backoff.store(() -> {
                    store.markAttempted(call.id());
                    return null;
                }, this::running, log, "marking outbox #" + call.id() + " attempted");
                r = transport.call(call.method(), repeat ? Repeats.marked(call.method(), call.payload()) : call.payload());
            } catch (RuntimeException e) {
                r = new Transport.RetryAfter(1000, false);
                log.warn("sending {} failed: {}", call.method(), e.toString());
            }
            done(call, r);
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

    private synchronized boolean running() {
        return !stopped;
    }

    /**
     * Records the outcome and frees the chat. The store marks are retried while the queue runs; if it
     * stops first, the call stays unsent in the outbox and goes out after the next start (marked 🔁).
     */
    private void done(Outgoing o, Transport.Result r) {
        boolean requeue = r instanceof Transport.RetryAfter || r instanceof Transport.NoAnswer;
        try {
            if (r instanceof Transport.Accepted) {
                Backoff.store(() -> {
                    store.markSent(o.id());
                    return null;
                }, this::running, log, "marking outbox #" + o.id() + " sent");
                counters.sent();
            } else if (r instanceof Transport.Refused refused) {
                Backoff.store(() -> {
                    store.markFailed(o.id(), refused.code() + " " + refused.description());
                    return null;
                }, this::running, log, "marking outbox #" + o.id() + " refused");
                counters.error();
                log.warn("Telegram refused {} (outbox #{}): {} {}", o.method(), o.id(), refused.code(), refused.description());
            } else if (r instanceof Transport.RetryAfter retry) {
                boolean earlier;
                synchronized (this) {
                    earlier = maybeDelivered.contains(o.id());
                }
                if (!earlier) { // this attempt did not arrive; one before it (a crash, a timeout) may have, and stays marked
                    Backoff.store(() -> {
                        store.clearAttempted(o.id());
                        return null;
                    }, this::running, log, "clearing outbox #" + o.id());
                }
                if (retry.tooManyRequests()) {
                    counters.throttled();
                    log.info("429 from Telegram on {}: waiting {} ms", o.method(), retry.millis());
                }
            } else if (r instanceof Transport.NoAnswer) {
                log.warn("no answer from Telegram to {} (outbox #{}) in time; sending it again, marked as a repeat", o.method(), o.id());
            }
        } finally {
            release(o, r, requeue);
        }
    }

    private synchronized void release(Outgoing o, Transport.Result r, boolean requeue) {
        long now = System.nanoTime();
        callsInFlight--;
        if (r instanceof Transport.NoAnswer) {
            maybeDelivered.add(o.id());
        } else if (!requeue) {
            maybeDelivered.remove(o.id()); // done with: sent or refused
        }
        long wait = r instanceof Transport.RetryAfter retry ? TimeUnit.MILLISECONDS.toNanos(retry.millis())
                : r instanceof Transport.NoAnswer n ? TimeUnit.MILLISECONDS.toNanos(n.millis()) : 0;
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
