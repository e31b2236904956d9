package dev.sigil.contract.codec;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a byte stream into JSON Lines: a line is the bytes before a {@code \n} (the {@code \n} excluded; a
 * {@code \r} before it stays, JSON treats it as whitespace), and bytes after the last {@code \n} form a final line.
 *
 * <p>Memory is bounded: a line longer than the bound is not kept but skipped up to its end and reported with its
 * length, so a 100 MB line without a newline costs no more than the bound. Not thread-safe.
 */
public final class LineSplitter {

    /** Receives lines in order. The slice {@code bytes[from, to)} is valid only during the call. */
    public interface Handler {
        void line(long number, byte[] bytes, int from, int to) throws IOException;

        /** A line of {@code length} bytes (without newline) exceeded the bound and was skipped. */
        void tooLong(long number, long length) throws IOException;
    }

    private static final int READ_SIZE = 1 << 16;

    private final int maxLineBytes;

    public LineSplitter(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** Reads {@code in} to its end, handing every line to {@code handler}; returns the number of lines. */
    public long split(InputStream in, Handler handler) throws IOException {
        // long arithmetic: a bound near Integer.MAX_VALUE must not overflow into a negative size.
        long most = Math.min((long) maxLineBytes + READ_SIZE, Integer.MAX_VALUE - 8);
        byte[] buf = new byte[(int) Math.min(READ_SIZE * 4L, most)];
        int start = 0;
        int end = 0;
        long number = 0;
        long skipping = -1; // length so far of an over-long line being skipped, or -1
        while (true) {
            if (end == buf.length) {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                } else if (buf.length < most) {
                    buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, most));
                } else {
                    // Only with a bound near 2 GiB: the line fills the largest array there can be, so it is skipped.
                    skipping = end;
                    start = 0;
                    end = 0;
                }
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                break;
            }
            int scan = end;
            end += n;
            while (true) {
                int nl = indexOf(buf, scan, end);
                if (nl < 0) {
                    break;
                }
                number++;
                if (skipping >= 0) {
                    handler.tooLong(number, skipping + (nl - start));
                    skipping = -1;
                } else if (nl - start > maxLineBytes) {
                    handler.tooLong(number, nl - start);
                } else {
                    handler.line(number, buf, start, nl);
                }
                start = nl + 1;
                scan = start;
            }
            if (skipping >= 0) {
                skipping += end - start;
                start = end = 0;
            } else if (end - start > maxLineBytes) {
                skipping = end - start;
                start = end = 0;
            }
        }
        if (skipping >= 0) {
            handler.tooLong(++number, skipping);
        } else if (end > start) {
            number++;
            if (end - start > maxLineBytes) {
                handler.tooLong(number, end - start);
            } else {
                handler.line(number, buf, start, end);
            }
        }
        return number;
    }

    /**
     * Splits {@code bytes[from, to)}, a chunk of whole lines as {@link LineChunks} cuts them (each ends with a
     * {@code \n} except perhaps the last, at the end of the stream), numbering them after {@code numberBefore}, with
     * the bound and reports of {@link #split}. Returns the number of lines.
     */
    public long splitChunk(byte[] bytes, int from, int to, long numberBefore, Handler handler) throws IOException {
        long number = numberBefore;
        int i = from;
        while (i < to) {
            int nl = indexOf(bytes, i, to);
            int end = nl < 0 ? to : nl;
            number++;
            if (end - i > maxLineBytes) {
                handler.tooLong(number, end - i);
            } else {
                handler.line(number, bytes, i, end);
            }
            i = end + 1;
        }
        return number - numberBefore;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The index of the first {@code \n} in {@code b[from, to)}, or -1; eight bytes at a time. */
    public static int indexOf(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                return i + FastJson.lowestFlaggedByte(found);
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@link #indexOf}, four plain bytes a round: as fast as it once C1 has compiled it and 20 times cheaper in the
     * interpreter, where a short run reads its first lines; slower than it under C2 (ADR 0230).
     */
    public static int indexOfPlain(byte[] b, int from, int to) {
        int i = from;
        for (int last = to - 4; i <= last; i += 4) {
            if (b[i] == '\n') {
                return i;
            }
            if (b[i + 1] == '\n') {
                return i + 1;
            }
            if (b[i + 2] == '\n') {
                return i + 2;
            }
            if (b[i + 3] == '\n') {
                return i + 3;
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** True if {@code bytes[from, to)} holds only JSON whitespace (space, tab, CR, LF) or nothing. */
    public static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
