package dev.sigil.log;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Encoded lines waiting to be written, oldest first, with their byte total and the arrival time of the oldest.
 * Whole lines only: a line is never split, so what reaches the file is always a sequence of complete lines.
 * Writer thread only.
 */
final class PendingLines {

    private final ArrayDeque<byte[]> lines = new ArrayDeque<>();
    private long bytes;
    private long firstNanos;

    void add(byte[] line, long nowNanos) {
        if (lines.isEmpty()) {
            firstNanos = nowNanos;
        }
        lines.addLast(line);
        bytes += line.length;
    }

    int count() {
        return lines.size();
    }

    long bytes() {
        return bytes;
    }

    long firstNanos() {
        return firstNanos;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** All lines in one buffer, ready for a single write; {@code reuse} when it is large enough. */
    ByteBuffer toBuffer(ByteBuffer reuse) {
        if (bytes > Integer.MAX_VALUE - 64) {
            throw new IllegalStateException("batch larger than 2 GiB");
        }
        ByteBuffer buf = reuse != null && reuse.capacity() >= bytes ? reuse.clear() : ByteBuffer.allocate((int) Math.max(bytes, 8192));
        for (byte[] line : lines) {
            buf.put(line);
        }
        return buf.flip();
    }

    /** How many of the oldest lines fit entirely in the first {@code written} bytes. */
    int wholeLinesWithin(long written) {
        int n = 0;
        long sum = 0;
        for (byte[] line : lines) {
            if (sum + line.length > written) {
                break;
            }
            sum += line.length;
            n++;
        }
        return n;
    }

    /** Bytes of the oldest {@code n} lines. */
    long bytesOfFirst(int n) {
        long sum = 0;
        int i = 0;
        for (byte[] line : lines) {
            if (i++ == n) {
                break;
            }
            sum += line.length;
        }
        return sum;
    }

    /** Removes the oldest {@code n} lines; the next oldest keeps its place at the head, with {@code nowNanos} as its age. */
    void removeFirst(int n, long nowNanos) {
        for (int i = 0; i < n; i++) {
            bytes -= lines.removeFirst().length;
        }
        firstNanos = nowNanos;
    }

    void clear() {
        lines.clear();
        bytes = 0;
    }
}
