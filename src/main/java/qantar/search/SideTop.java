package qantar.search;

import java.util.PriorityQueue;
import java.util.function.BiConsumer;

/**
 * The best {@code n} documents by score, kept as Lucene's top-docs collector keeps them: of equal
 * scores the lower document id wins, so offering documents in id order gives the very same list.
 */
final class SideTop {
    private record Entry(int doc, float score) {
    }

    private final int n;
    /** The worst kept entry on top: the lowest score, of equal scores the higher id. */
    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> a.score != b.score
            ? Float.compare(a.score, b.score) : Integer.compare(b.doc, a.doc));

    SideTop(int n) {
        this.n = n;
    }

    /** Documents must come in increasing id order. */
    void offer(int doc, float score) {
        if (n <= 0) {
            return;
        }
        if (queue.size() < n) {
            queue.add(new Entry(doc, score));
        } else if (score > queue.peek().score) {
            queue.poll();
            queue.add(new Entry(doc, score));
        }
    }

    /** Documents in any order (as a graph search finds them); whether this one was kept. */
    boolean offerAny(int doc, float score) {
        Entry e = new Entry(doc, score);
        if (queue.size() < n) {
            queue.add(e);
            return true;
        }
        if (n <= 0 || queue.comparator().compare(e, queue.peek()) <= 0) {
            return false;
        }
        queue.poll();
        queue.add(e);
        return true;
    }

    /** The lowest kept score (only when {@link #size} is above 0). */
    float worst() {
        return queue.peek().score;
    }

    int size() {
        return queue.size();
    }

    void forEach(BiConsumer<Integer, Float> action) {
        queue.forEach(e -> action.accept(e.doc, e.score));
    }

    /** The kept documents, best first. */
    int[] bestFirst() {
        return queue.stream().sorted(queue.comparator().reversed()).mapToInt(Entry::doc).toArray();
    }
}
