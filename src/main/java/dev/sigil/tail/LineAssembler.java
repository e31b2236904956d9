package dev.sigil.tail;

import java.util.Arrays;

import dev.sigil.contract.codec.LineSplitter;

/**
 * Turns byte chunks, cut anywhere, into complete lines: a line is the bytes before a {@code \n} (the {@code \n}
 * excluded, a {@code \r} before it kept). Bytes after the last {@code \n} are held until their newline arrives and
 * are never handed out as a line unless {@link #finish} is called, so a line split by a flush, a short read or a
 * multi-byte character cut in two comes out whole.
 *
 * <p>Memory is bounded by the line bound: a line longer than {@code maxLineBytes} is not kept but counted to its
 * end and reported with its length, so a gigabyte without a newline costs no more than the bound. Pure (no I/O),
 * not thread-safe; one assembler per file being read.
 */
public final class LineAssembler {

    /** Receives lines in order. The slice {@code bytes[from, to)} is valid only during the call. */
    public interface Sink {
        /** Line {@code number} (1-based) starting at byte {@code offset} of the stream. */
        void line(long number, long offset, byte[] bytes, int from, int to);

        /** Line {@code number} at {@code offset} had {@code length} bytes, more than the bound; it was skipped. */
        void tooLong(long number, long offset, long length);
    }

    private static final int INITIAL_CAPACITY = 8 << 10;
    /** Lines found with {@link LineSplitter#indexOfPlain} before {@link LineSplitter#indexOf} takes over. */
    private static final int PLAIN_LINES = 1 << 16;
    /** A buffer grown beyond this for one long line is given back once that line is done. */
    private static final int SHRINK_ABOVE = 64 << 10;

    private final int maxLineBytes;
    private byte[] held;
    private int heldLength;
    /** Length so far of an over-long line whose bytes are not kept, or -1. */
    private long skippedLength = -1;
    private long lineStart;
    private long lines;
    private long consumed;

    public LineAssembler(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.held = new byte[Math.min(INITIAL_CAPACITY, maxLineBytes)];
    }

    /** Feeds {@code chunk[off, off+len)}, handing every line it completes to {@code sink}. */
    public void feed(byte[] chunk, int off, int len, Sink sink) {
        int end = off + len;
        int i = off;
        long base = consumed - off;
        consumed += len;
        while (i < end) {
            // a file's first lines with plain reads, cheap in the interpreter; the eight-byte scan after (ADR 0230)
            int nl = lines < PLAIN_LINES ? LineSplitter.indexOfPlain(chunk, i, end) : LineSplitter.indexOf(chunk, i, end);
            if (nl < 0) {
                hold(chunk, i, end);
                return;
            }
            long number = ++lines;
            if (skippedLength >= 0 || heldLength + (long) (nl - i) > maxLineBytes) {
                sink.tooLong(number, lineStart, pendingLength() + (nl - i));
            } else if (heldLength == 0) {
                sink.line(number, lineStart, chunk, i, nl);
            } else {
                hold(chunk, i, nl);
                sink.line(number, lineStart, held, 0, heldLength);
            }
            clearPending();
            i = nl + 1;
            lineStart = base + i;
        }
    }

    /** Hands out the unterminated last line, if any, as a line (the end of a file read once, not followed). */
    public void finish(Sink sink) {
        if (!hasPartial()) {
            return;
        }
        long number = ++lines;
        if (skippedLength >= 0) {
            sink.tooLong(number, lineStart, skippedLength);
        } else {
            sink.line(number, lineStart, held, 0, heldLength);
        }
        lineStart = consumed;
        clearPending();
    }

    /** Forgets the unterminated last line (its file was truncated, replaced or closed); returns its length. */
    public long discardPartial() {
        long length = pendingLength();
        clearPending();
        lineStart = consumed;
        return length;
    }

    /**
     * Forgets the unterminated last line and moves back to where it started, as if its bytes had never been fed: for
     * a file whose writer cut that line off (a crashed writer's torn line, removed by the next one) and may now write
     * other bytes in its place. Returns its length.
     */
    public long rewindPartial() {
        long length = pendingLength();
        clearPending();
        consumed = lineStart;
        return length;
    }

    /** True if bytes of a line without its newline yet are pending (held or being skipped). */
    public boolean hasPartial() {
        return heldLength > 0 || skippedLength >= 0;
    }

    /** Length of the pending unterminated line. */
    public long pendingLength() {
        return skippedLength >= 0 ? skippedLength : heldLength;
    }

    /** Offset of the first byte of the pending line (equals {@link #consumed} when none is pending). */
    public long pendingOffset() {
        return lineStart;
    }

    /** Complete lines handed out (or skipped) so far: the number of the last one. */
    public long lines() {
        return lines;
    }

    /** Bytes fed so far. */
    public long consumed() {
        return consumed;
    }

    /** Bytes of buffer currently allocated: never more than the larger of 8 KiB and the line bound. */
    public int capacity() {
        return held.length;
    }

    private void hold(byte[] chunk, int from, int to) {
        int n = to - from;
        if (skippedLength >= 0) {
            skippedLength += n;
            return;
        }
        if (heldLength + (long) n > maxLineBytes) {
            skippedLength = heldLength + (long) n;
            heldLength = 0;
            shrink();
            return;
        }
        if (heldLength + n > held.length) {
            int capacity = (int) Math.min(maxLineBytes, Math.max((long) held.length * 2, (long) heldLength + n));
            held = Arrays.copyOf(held, capacity);
        }
        System.arraycopy(chunk, from, held, heldLength, n);
        heldLength += n;
    }

    private void clearPending() {
        heldLength = 0;
        skippedLength = -1;
        shrink();
    }

    private void shrink() {
        if (held.length > SHRINK_ABOVE) {
            held = new byte[Math.min(INITIAL_CAPACITY, maxLineBytes)];
        }
    }

}
