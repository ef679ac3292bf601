package qantar.telegram.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    private final Transport transport;
    private final TelegramStore store;
    private final Counters counters;
    /** Guarded by this queue's lock, as are maybeDelivered and stopped. */
    private final SendSchedule schedule;
    private final Set<Long> maybeDelivered = new HashSet<>();
    private boolean stopped;
    private final List<Thread> senders = new ArrayList<>();

    public SendQueue(Transport transport, TelegramStore store, SendLimits limits, Counters counters) {
        this.transport = transport;
        this.store = store;
        this.schedule = new SendSchedule(limits);
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
        schedule.add(o);
    }

    /**
     * Whether a "typing…" action may go to this chat now: not while the chat waits out a 429 or its
     * per-chat gap, not when the overall rate is used up, and at most once per 5 s (as long as
     * Telegram shows it). It is no message, but Telegram counts it against the same limits.
     */
    public synchronized boolean mayType(long chatId) {
        return schedule.mayType(chatId, System.nanoTime());
    }

    public synchronized int pending() {
        return schedule.pending();
    }

    /**
     * Lets the queue drain for up to {@code graceMillis}, then stops; what is left stays in the outbox.
     * It stops sooner when what is left could not go out within the grace anyway (a 429's wait).
     */
    public void stop(long graceMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        synchronized (this) {
            while (pending() > 0 && System.nanoTime() < deadline && !schedule.idleUntil(deadline, System.nanoTime())) {
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
            if (!Threads.join(t, 2000)) {
                return;
            }
        }
    }

    private void run() {
        while (true) {
            Outgoing next;
            synchronized (this) {
                next = null;
                while (!stopped && (next = schedule.take(System.nanoTime())) == null) {
                    try {
                        wait(schedule.waitMillis(System.nanoTime()));
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
                mark("marking outbox #" + call.id() + " attempted", () -> store.markAttempted(call.id()));
                r = transport.call(call.method(), repeat ? Repeats.marked(call.method(), call.payload()) : call.payload());
            } catch (RuntimeException e) {
                r = new Transport.RetryAfter(1000, false);
                log.warn("sending {} failed: {}", call.method(), e.toString());
            }
            done(call, r);
        }
    }

    /** A store mark, retried while the queue runs. */
    private void mark(String what, Runnable write) {
        Backoff.store(() -> {
            write.run();
            return null;
        }, this::running, log, what);
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
                mark("marking outbox #" + o.id() + " sent", () -> store.markSent(o.id()));
                counters.sent();
            } else if (r instanceof Transport.Refused refused) {
                mark("marking outbox #" + o.id() + " refused", () -> store.markFailed(o.id(), refused.code() + " " + refused.description()));
                counters.error();
                log.warn("Telegram refused {} (outbox #{}): {} {}", o.method(), o.id(), refused.code(), refused.description());
            } else if (r instanceof Transport.RetryAfter retry) {
                boolean earlier;
                synchronized (this) {
                    earlier = maybeDelivered.contains(o.id());
                }
                if (!earlier) { // this attempt did not arrive; one before it (a crash, a timeout) may have, and stays marked
                    mark("clearing outbox #" + o.id(), () -> store.clearAttempted(o.id()));
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
        if (r instanceof Transport.NoAnswer) {
            maybeDelivered.add(o.id());
        } else if (!requeue) {
            maybeDelivered.remove(o.id()); // done with: sent or refused
        }
        long wait = r instanceof Transport.RetryAfter retry ? TimeUnit.MILLISECONDS.toNanos(retry.millis())
                : r instanceof Transport.NoAnswer n ? TimeUnit.MILLISECONDS.toNanos(n.millis()) : 0;
        schedule.completed(o, System.nanoTime(), wait, requeue);
        notifyAll();
    }
}
