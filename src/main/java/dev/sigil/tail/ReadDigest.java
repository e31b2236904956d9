package dev.sigil.tail;

import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A fingerprint of everything a follower read from one file: CRC32C checksums of consecutive pieces (each chunk read,
 * cut at its last newline), so that a later look can tell whether the bytes already read are still the file's. A
 * file truncated and written again past the old read position between two looks keeps its size growing; its first
 * bytes and the bytes just before the position may even be the same (Fluent Bit's 32-byte marker, Vector's
 * fingerprint of the start), but the pieces between them are not. Memory is bounded ({@link #MAX_PIECES}: adjacent
 * pieces are merged, their checksums combined), and so is the work of a look: the newest pieces first, then older
 * ones from a cursor that goes round, within a budget of bytes that refills with time ({@link #RATE_BYTES_PER_SECOND},
 * up to {@link #MAX_BUDGET}), so a file up to that size is checked whole at every look and a bigger one piece by
 * piece over a few looks. One follower's thread.
 */
final class ReadDigest {

    static final int MAX_PIECES = 1024;
    /** Bytes a look may re-read at most. */
    static final long MAX_BUDGET = 1 << 20;
    /** How fast the budget refills: a follower polling without pause still re-reads at most this much per second. */
    static final long RATE_BYTES_PER_SECOND = 64L << 20;
    private static final int POLY = 0x82F63B78; // CRC-32C, reflected

    private long[] starts = new long[16];
    private long[] ends = new long[16];
    private int[] crcs = new int[16];
    private int count;
    private int cursor;
    private long budget = MAX_BUDGET;
    private long refilledAt = System.nanoTime();

    /** Adds the piece {@code bytes[from, to)} read at {@code start}. */
    void add(long start, byte[] bytes, int from, int to) {
        if (to <= from) {
            return;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, to - from);
        if (count == starts.length) {
            if (count >= MAX_PIECES) {
                merge();
            } else {
                grow();
            }
        }
        starts[count] = start;
        ends[count] = start + (to - from);
        crcs[count] = (int) crc.getValue();
        count++;
    }

    /** Forgets the pieces that end after {@code offset} (an unterminated line cut by its next writer). */
    void dropAfter(long offset) {
        while (count > 0 && ends[count - 1] > offset) {
            count--;
        }
        cursor = Math.min(cursor, count);
    }

    void clear() {
        count = 0;
        cursor = 0;
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
        long pos = starts[piece];
        long end = ends[piece];
        budget -= end - pos;
        CRC32C crc = new CRC32C();
        while (pos < end) {
            int n = file.read(pos, scratch, 0, (int) Math.min(scratch.length, end - pos));
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

    /** Halves the number of pieces: each adjacent pair becomes one, its checksum combined from the two. */
    private void merge() {
        int out = 0;
        for (int i = 0; i < count; i++) {
            if (i + 1 < count && ends[i] == starts[i + 1]) {
                starts[out] = starts[i];
                ends[out] = ends[i + 1];
                crcs[out] = combine(crcs[i], crcs[i + 1], ends[i + 1] - starts[i + 1]);
                i++;
            } else {
                starts[out] = starts[i];
                ends[out] = ends[i];
                crcs[out] = crcs[i];
            }
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

    /** The CRC-32C of A followed by B, from the CRCs of A and B and the length of B (zlib's crc32_combine, for this polynomial). */
    static int combine(int crcA, int crcB, long lengthB) {
        if (lengthB <= 0) {
            return crcA;
        }
        int[] even = new int[32];
        int[] odd = new int[32];
        odd[0] = POLY;
        int row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        int crc = crcA;
        long len = lengthB;
        do {
            square(even, odd);
            if ((len & 1) != 0) {
                crc = times(even, crc);
            }
            len >>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                crc = times(odd, crc);
            }
            len >>= 1;
        } while (len != 0);
        return crc ^ crcB;
    }

    private static int times(int[] matrix, int vector) {
        int sum = 0;
        int v = vector;
        for (int i = 0; v != 0; i++, v >>>= 1) {
            if ((v & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(int[] square, int[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
