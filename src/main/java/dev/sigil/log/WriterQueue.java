package dev.sigil.log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The items between the callers and the writer thread, bounded by their number and by their bytes
 * ({@link EntryWeight}): 8,192 entries of 300 bytes and two step outputs of 16 MiB are both a bounded amount of
 * memory. Entries lighter than {@link #SMALL} are bounded by the count alone (8,192 of them weigh at most 32 MiB), so
 * that the pipeline's usual entries cost the caller no shared counter; heavier ones also reserve their weight
 * against the byte bound. An item that weighs more than the whole byte bound still goes into a queue that holds no
 * such bytes, so that no entry is too large to be logged. What the full-queue policy does with an offer that finds
 * no room is {@link EntryQueue}'s (ADR 0013); this class only says whether there is room, and lets a caller wait.
 */
final class WriterQueue {

    /** Entries lighter than this are counted, not weighed against the byte bound. */
    static final long SMALL = 4 << 10;

    private final LinkedBlockingQueue<Object> items;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object room = new Object();

    WriterQueue(int capacity, long maxBytes) {
        this.items = new LinkedBlockingQueue<>(capacity);
        this.maxBytes = maxBytes;
    }

    /** Queues {@code item} if there is room for it, now; never waits. */
    boolean offer(Object item) {
        long w = counted(item);
        if (!reserve(w)) {
            return false;
        }
        if (items.offer(item)) {
            return true;
        }
        release(w);
        return false;
    }

    /** Queues {@code item}, waiting up to {@code nanos} for room; false if there was none in time. */
    boolean offer(Object item, long nanos) throws InterruptedException {
        if (offer(item)) {
            return true;
        }
        long deadline = System.nanoTime() + nanos;
        waiting.incrementAndGet();
        try {
            synchronized (room) {
                while (!offer(item)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(room, left);
                }
                return true;
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** The next item, waiting for one. */
    Object take() throws InterruptedException {
        return taken(items.take());
    }

    /** The next item, waiting up to {@code nanos}; null if none came. */
    Object poll(long nanos) throws InterruptedException {
        return taken(items.poll(nanos, TimeUnit.NANOSECONDS));
    }

    /** The next item, or null at once. */
    Object poll() {
        return taken(items.poll());
    }

    /** Moves up to {@code max} items to {@code into}; returns how many. */
    int drainTo(List<Object> into, int max) {
        int before = into.size();
        int n = items.drainTo(into, max);
        long w = 0;
        for (int i = before; i < into.size(); i++) {
            w += counted(into.get(i));
        }
        if (n > 0) {
            release(w);
        }
        return n;
    }

    /** Moves every item to {@code into}. */
    int drainTo(List<Object> into) {
        return drainTo(into, Integer.MAX_VALUE);
    }

    /**
     * Whether the writer has caught up: at most half the entries and half the bytes queued. A full queue's episode
     * ends here, not at the first free slot, so a disk that writes one small batch at a time is one episode (ADR 0190).
     */
    boolean caughtUp() {
        return items.size() <= capacity() / 2 && bytes.get() <= maxBytes / 2;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Bytes of the entries that are not small queued now, by {@link EntryWeight} (for tests and reports). */
    long bytes() {
        return bytes.get();
    }

    int capacity() {
        return items.remainingCapacity() + items.size();
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Every item still queued, taken out (for the leftovers at the end). */
    List<Object> takeAll() {
        List<Object> out = new ArrayList<>();
        drainTo(out);
        return out;
    }

    private Object taken(Object item) {
        if (item != null) {
            release(counted(item));
        }
        return item;
    }

    /** What {@code item} reserves against the byte bound: its weight if it is not small, else nothing. */
    private static long counted(Object item) {
        long w = EntryWeight.of(item);
        return w < SMALL ? 0 : w;
    }

    private boolean reserve(long w) {
        if (w == 0) {
            return true; // small: the count bounds it
        }
        while (true) {
            long now = bytes.get();
            if (now > 0 && now + w > maxBytes) {
                return false;
            }
            if (bytes.compareAndSet(now, now + w)) {
                return true;
            }
        }
    }

    private void release(long w) {
        if (w != 0) {
            bytes.addAndGet(-w);
        }
        if (waiting.get() > 0) {
            synchronized (room) {
                room.notifyAll();
            }
        }
    }
}
