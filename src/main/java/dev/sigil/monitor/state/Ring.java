package dev.sigil.monitor.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable list that keeps only its newest {@code capacity} items: what keeps the state's size constant however
 * long the log. Appending a batch copies at most {@code capacity + batch} references.
 *
 * @param <T> item type
 */
public final class Ring<T> {

    private final List<T> items;
    private final int capacity;
    private final long total;

    private Ring(List<T> items, int capacity, long total) {
        this.items = items;
        this.capacity = capacity;
        this.total = total;
    }

    public static <T> Ring<T> empty(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        return new Ring<>(List.of(), capacity, 0);
    }

    /** A ring holding the newest items of this one followed by {@code more}. */
    public Ring<T> appendAll(List<T> more) {
        if (more.isEmpty()) {
            return this;
        }
        int keepOld = Math.max(0, Math.min(items.size(), capacity - more.size()));
        int fromMore = Math.max(0, more.size() - capacity);
        List<T> next = new ArrayList<>(keepOld + more.size() - fromMore);
        next.addAll(items.subList(items.size() - keepOld, items.size()));
        next.addAll(more.subList(fromMore, more.size()));
        return new Ring<>(Collections.unmodifiableList(next), capacity, total + more.size());
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
