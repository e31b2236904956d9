package dev.sigil.contract.format;

import java.util.Arrays;

/**
 * The {@link LineFields} of every event one line was read into (one, or one per record), in the line's order
 * (ADR 0290). Mutable: one per decoding thread, reused line after line.
 */
public final class MappedLines {

    private LineFields[] lines = {new LineFields()};
    private int size;

    /** The number of events of the line read last. */
    public int size() {
        return size;
    }

    public LineFields get(int i) {
        return lines[i];
    }

    void clear() {
        size = 0;
    }

    /** The next event's fields, to be filled. */
    LineFields add() {
        if (size == lines.length) {
            lines = Arrays.copyOf(lines, size * 2);
            for (int i = size; i < lines.length; i++) {
                lines[i] = new LineFields();
            }
        }
        return lines[size++];
    }

    /** Forgets the last one {@link #add}ed (its record did not match). */
    void dropLast() {
        size--;
    }
}
