package dev.sigil.monitor.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * An immutable list that keeps only its newest items, at most {@code capacity} of them and at most {@code maxBytes}
 * by their weight (the newest one is always kept): what keeps the state's size constant however long the log, and
 * bounded by bytes whatever its lines hold. Appending a batch copies at most {@code capacity + batch} references.
 *
 * @param <T> item type
 */
public final class Ring<T> {

    private final List<T> items;
    private final int capacity;
    private final long maxBytes;
    private final ToLongFunction<T> weight;
    private final long bytes;
    private final long total;

    private Ring(List<T> items, int capacity, long maxBytes, ToLongFunction<T> weight, long bytes, long total) {
        this.items = items;
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.weight = weight;
        this.bytes = bytes;
        this.total = total;
    }

    /** A ring bounded by count only. */
    public static <T> Ring<T> empty(int capacity) {
        return empty(capacity, Long.MAX_VALUE, item -> 0);
    }

    /** A ring of at most {@code capacity} items weighing at most {@code maxBytes} by {@code weight}. */
    public static <T> Ring<T> empty(int capacity, long maxBytes, ToLongFunction<T> weight) {
        if (capacity < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("capacity and maxBytes must be positive: " + capacity + ", " + maxBytes);
        }
        return new Ring<>(List.of(), capacity, maxBytes, weight, 0, 0);
    }

    /** A ring as a checkpoint kept it (ADR 0165): {@code items}, oldest first, and {@code total} ever added. */
    static <T> Ring<T> restored(int capacity, long maxBytes, ToLongFunction<T> weight, List<T> items, long total) {
        Ring<T> r = empty(capacity, maxBytes, weight);
        long bytes = 0;
        for (T item : items) {
            bytes += weight.applyAsLong(item);
        }
        if (items.size() > capacity || total < items.size()) {
            throw new IllegalArgumentException("more items than the ring holds");
        }
        return new Ring<>(List.copyOf(items), capacity, maxBytes, weight, bytes, total);
    }

    long maxBytes() {
        return maxBytes;
    }

    /** A ring holding the newest items of this one followed by {@code more}. */
    public Ring<T> appendAll(List<T> more) {
        return appendNewest(more, more.size());
    }

    /**
     * A ring after {@code added} items were appended of which {@code newest} are the last (the others would have left
     * it anyway: {@code newest} holds at least {@code min(added, capacity)} items): what a fold that makes items only
     * for what can be kept appends.
     */
    Ring<T> appendNewest(List<T> newest, long added) {
        if (newest.size() > added || newest.size() < Math.min(added, capacity)) {
            throw new IllegalArgumentException(newest.size() + " newest items of " + added + " for a ring of " + capacity);
        }
        List<T> more = newest;
        if (more.isEmpty()) {
            return this;
        }
        // The newest items of `more` that fit, newest first; then as many of the old ones as still fit.
        int fromMore = more.size();
        long kept = 0;
        while (fromMore > 0 && more.size() - fromMore < capacity) {
            long w = weight.applyAsLong(more.get(fromMore - 1));
            if (kept > 0 && kept + w > maxBytes) {
                break;
            }
            kept += w;
            fromMore--;
        }
        int first = items.size();
        long oldBytes = 0;
        if (fromMore == 0) {
            // The old items' total is known: only those that leave are weighed.
            first = Math.max(0, items.size() - (capacity - more.size()));
            oldBytes = bytes;
            for (int i = 0; i < first; i++) {
                oldBytes -= weight.applyAsLong(items.get(i));
            }
            while (first < items.size() && kept + oldBytes > maxBytes) {
                oldBytes -= weight.applyAsLong(items.get(first));
                first++;
            }
        }
        List<T> next = new ArrayList<>(items.size() - first + more.size() - fromMore);
        next.addAll(items.subList(first, items.size()));
        next.addAll(more.subList(fromMore, more.size()));
        return new Ring<>(Collections.unmodifiableList(next), capacity, maxBytes, weight, kept + oldBytes, total + added);
    }

    /** The kept items, oldest first (unmodifiable). */
    public List<T> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public int capacity() {
        return capacity;
    }

    /** The weight of the kept items. */
    public long bytes() {
        return bytes;
    }

    /** How many items were ever appended, kept or not. */
    public long total() {
        return total;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The newest item, or null. */
    public T last() {
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }
}
