package dev.sigil.tail;

import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A fingerprint of everything a follower read from one file: CRC32C checksums of consecutive pieces of it, so that a
 * later look can tell whether the bytes already read are still the file's. A file truncated and written again past
 * the old read position between two looks keeps its size growing; its first bytes and the bytes just before the
 * position may even be the same (Fluent Bit's 32-byte marker, Vector's fingerprint of the start), but the pieces
 * between them are not.
 *
 * <p>Every piece but the last ends at a newline; the last may hold an unterminated line, and only pieces that end at
 * or before the end of the last complete line are compared. Small pieces are joined as they come (their checksums
 * combined, as zlib's {@code crc32_combine} does), so memory is bounded ({@link #MAX_PIECES}), and so is the work of
 * a look: the newest pieces first, then older ones from a cursor that goes round, within a budget of bytes that
 * refills with time ({@link #RATE_BYTES_PER_SECOND}, up to {@link #MAX_BUDGET}): a file up to that size is checked
 * whole at a look after a pause, a bigger one part by part over several looks. One follower's thread.
 */
final class ReadDigest {

    static final int MAX_PIECES = 1024;
    /** Pieces are joined up to this size as they come. */
    static final long SMALL_PIECE = 16 << 10;
    /** Bytes a look may re-read at most. */
    static final long MAX_BUDGET = 1 << 20;
    /** How fast the budget refills: a follower looking without pause still re-reads at most this much per second. */
    static final long RATE_BYTES_PER_SECOND = 8L << 20;
    private static final int POLY = 0x82F63B78; // CRC-32C, reflected
    /** x^(2^n) modulo the polynomial, n = 0..31. */
    private static final int[] X2N = powers();

    private long[] starts = new long[16];
    private long[] ends = new long[16];
    private int[] crcs = new int[16];
    private int count;
    /** Whether the last piece ends at a newline. */
    private boolean lastComplete = true;
    private int cursor;
    private long budget = MAX_BUDGET;
    private long refilledAt = System.nanoTime();

    /** Adds {@code bytes[from, to)}, read at {@code start}; {@code complete}: they end with a newline. */
    void add(long start, byte[] bytes, int from, int to, boolean complete) {
        if (to <= from) {
            return;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, to - from);
        int value = (int) crc.getValue();
        long end = start + (to - from);
        int last = count - 1;
        if (last >= 0 && ends[last] == start && (!lastComplete || complete && end - starts[last] <= SMALL_PIECE)) {
            crcs[last] = combine(crcs[last], value, to - from);
            ends[last] = end;
        } else {
            if (count == starts.length) {
                if (count >= MAX_PIECES) {
                    halve();
                } else {
                    grow();
                }
            }
            starts[count] = start;
            ends[count] = end;
            crcs[count] = value;
            count++;
        }
        lastComplete = complete;
    }

    /** Forgets the pieces that end after {@code offset} (an unterminated line cut by its next writer). */
    void dropAfter(long offset) {
        while (count > 0 && ends[count - 1] > offset) {
            count--;
        }
        lastComplete = true;
        cursor = Math.min(cursor, count);
    }

    void clear() {
        count = 0;
        cursor = 0;
        lastComplete = true;
    }

    /**
     * Re-reads pieces that end at or before {@code upTo} (the end of the last complete line) and compares them, within
     * the budget: the newest first, then older ones from the cursor. Returns the start of a piece found different,
     * or -1 when every piece looked at is as it was.
     */
    long verify(TailSource.Handle file, long upTo, byte[] scratch) throws IOException {
        refill();
        int i = count - 1;
        while (i >= 0 && ends[i] > upTo) {
            i--;
        }
        long newest = budget / 2;
        for (; i >= 0 && newest > 0; i--) {
            newest -= ends[i] - starts[i];
            if (!same(file, i, scratch)) {
                return starts[i];
            }
        }
        // pieces 0..i are left to the cursor, which goes round them a budget at a time
        if (cursor > i) {
            cursor = 0;
        }
        for (; cursor <= i && budget > 0; cursor++) {
            if (!same(file, cursor, scratch)) {
                return starts[cursor];
            }
        }
        return -1;
    }

    private boolean same(TailSource.Handle file, int piece, byte[] scratch) throws IOException {
        budget -= ends[piece] - starts[piece];
        CRC32C crc = new CRC32C();
        for (long pos = starts[piece]; pos < ends[piece]; ) {
            int n = file.read(pos, scratch, 0, (int) Math.min(scratch.length, ends[piece] - pos));
            if (n <= 0) {
                return false;
            }
            crc.update(scratch, 0, n);
            pos += n;
        }
        return (int) crc.getValue() == crcs[piece];
    }

    private void refill() {
        long now = System.nanoTime();
        long gained = (now - refilledAt) / 1_000_000L * (RATE_BYTES_PER_SECOND / 1000);
        if (gained > 0) {
            budget = Math.min(MAX_BUDGET, budget + gained);
            refilledAt = now;
        }
    }

    /** Halves the number of pieces: each adjacent pair of complete pieces becomes one. */
    private void halve() {
        int out = 0;
        for (int i = 0; i < count; i++) {
            boolean pair = i + 1 < count && ends[i] == starts[i + 1] && (i + 1 < count - 1 || lastComplete);
            starts[out] = starts[i];
            ends[out] = pair ? ends[i + 1] : ends[i];
            crcs[out] = pair ? combine(crcs[i], crcs[i + 1], ends[i + 1] - starts[i + 1]) : crcs[i];
            i += pair ? 1 : 0;
            out++;
        }
        if (out == count) {
            // nothing adjacent (pieces dropped in between): forget the oldest half
            int keep = count / 2;
            System.arraycopy(starts, count - keep, starts, 0, keep);
            System.arraycopy(ends, count - keep, ends, 0, keep);
            System.arraycopy(crcs, count - keep, crcs, 0, keep);
            out = keep;
        }
        count = out;
        cursor = 0;
    }

    private void grow() {
        int n = Math.min(MAX_PIECES, starts.length * 2);
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
        crcs = Arrays.copyOf(crcs, n);
    }

    /** The CRC-32C of A followed by B, from the CRCs of A and B and the length of B (zlib's crc32_combine, this polynomial). */
    static int combine(int crcA, int crcB, long lengthB) {
        return multiply(power(lengthB, 3), crcA) ^ crcB;
    }

    /** a(x) b(x) modulo the polynomial (bit 31 is x^0: reflected). */
    private static int multiply(int a, int b) {
        int m = 1 << 31;
        int p = 0;
        int bb = b;
        while (true) {
            if ((a & m) != 0) {
                p ^= bb;
                if ((a & (m - 1)) == 0) {
                    return p;
                }
            }
            m >>>= 1;
            bb = (bb & 1) != 0 ? (bb >>> 1) ^ POLY : bb >>> 1;
        }
    }

    /** x^(n 2^k) modulo the polynomial. */
    private static int power(long n, int k) {
        int p = 1 << 31; // x^0
        int kk = k;
        for (long nn = n; nn != 0; nn >>>= 1, kk++) {
            if ((nn & 1) != 0) {
                p = multiply(X2N[kk & 31], p);
            }
        }
        return p;
    }

    private static int[] powers() {
        int[] t = new int[32];
        int p = 1 << 30; // x^1
        t[0] = p;
        for (int n = 1; n < 32; n++) {
            p = multiply(p, p);
            t[n] = p;
        }
        return t;
    }
}
