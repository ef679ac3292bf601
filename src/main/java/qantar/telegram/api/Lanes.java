package qantar.telegram.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool that keeps each chat's updates in order: a chat always goes to the same worker.
 * When a worker's queue is full, the polling thread waits (back-pressure instead of dropping);
 * the update is already stored, so waiting loses nothing.
 */
public final class Lanes {
    private static final Logger log = LoggerFactory.getLogger(Lanes.class);
    private static final Runnable STOP = () -> { };

    private final List<BlockingQueue<Runnable>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    public Lanes(int workers, int capacity) {
        for (int i = 0; i < workers; i++) {
            BlockingQueue<Runnable> q = new ArrayBlockingQueue<>(capacity);
            queues.add(q);
            Thread t = new Thread(() -> work(q), "tg-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    public void submit(long key, Runnable task) throws InterruptedException {
        if (stopping) {
            return; // left unhandled in the store: handled after the next start
        }
        queues.get(Math.floorMod(Long.hashCode(key), queues.size())).put(task);
    }

    private void work(BlockingQueue<Runnable> q) {
        while (true) {
            Runnable task;
            try {
                task = q.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP || stopping) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("update handling failed", e);
            }
        }
    }

    /** Finishes the tasks running now (queued ones stay unhandled in the store), within the time given. */
    public void stop(long millis) {
        stopping = true;
        queues.forEach(q -> {
            q.clear();
            q.offer(STOP);
        });
        long deadline = System.currentTimeMillis() + millis;
        for (Thread t : threads) {
            if (!Threads.join(t, Math.max(1, deadline - System.currentTimeMillis()))) {
                return;
            }
        }
    }
}
