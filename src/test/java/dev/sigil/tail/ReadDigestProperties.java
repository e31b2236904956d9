package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.zip.CRC32C;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The checksums of what a follower read: joined pieces give the checksum of the joined bytes (zlib's combine, checked
 * against CRC32C itself), bytes that stayed are never taken for changed, and a changed byte of a complete line is
 * found by the looks that follow (within the budget of each look).
 */
class ReadDigestProperties {

    @Property
    void combiningGivesTheChecksumOfTheJoinedBytes(@ForAll @Size(max = 3000) byte[] a, @ForAll @Size(max = 3000) byte[] b) {
        byte[] ab = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, ab, a.length, b.length);
        assertThat(ReadDigest.combine(crc(a), crc(b), b.length)).isEqualTo(crc(ab));
    }

    @Property(tries = 200)
    void unchangedBytesAreNeverTakenForChangedAndAChangedByteIsFound(@ForAll @Size(min = 1, max = 200_000) byte[] raw,
                                                                       @ForAll @IntRange(min = 1, max = 9000) int chunk,
                                                                       @ForAll @IntRange(min = 0, max = 199_999) int flip) {
        byte[] data = raw.clone();
        for (int i = 0; i < data.length; i += 1 + (i * 7919) % 300) {
            data[i] = '\n'; // lines of various lengths
        }
        ReadDigest digest = new ReadDigest();
        for (int at = 0; at < data.length; at += chunk) {
            int n = Math.min(chunk, data.length - at);
            int last = n - 1;
            while (last >= 0 && data[at + last] != '\n') {
                last--;
            }
            digest.add(at, data, at, at + last + 1, true);
            digest.add(at + last + 1, data, at + last + 1, at + n, false);
        }
        int linesEnd = data.length;
        while (linesEnd > 0 && data[linesEnd - 1] != '\n') {
            linesEnd--;
        }
        byte[] scratch = new byte[64 << 10];
        for (int look = 0; look < 3; look++) {
            assertThat(verify(digest, data, linesEnd, scratch)).isEqualTo(-1);
        }
        int at = flip % data.length;
        if (at >= linesEnd) {
            return; // the unterminated line is left to the tailer's own checks
        }
        data[at] ^= 0x20;
        long found = -1;
        for (int look = 0; look < 4 && found < 0; look++) { // 200 KB: within four looks' budget
            found = verify(digest, data, linesEnd, scratch);
        }
        assertThat(found).as("changed byte %d", at).isBetween(0L, (long) at);
    }

    private static long verify(ReadDigest digest, byte[] file, long upTo, byte[] scratch) {
        try {
            return digest.verify(new Bytes(file), upTo, scratch);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int crc(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b);
        return (int) c.getValue();
    }

    /** A file's bytes as a handle. */
    private record Bytes(byte[] data) implements TailSource.Handle {
        @Override
        public Object key() {
            return this;
        }

        @Override
        public long size() {
            return data.length;
        }

        @Override
        public int read(long position, byte[] dst, int off, int length) {
            if (position >= data.length) {
                return -1;
            }
            int n = (int) Math.min(length, data.length - position);
            System.arraycopy(data, (int) position, dst, off, n);
            return n;
        }

        @Override
        public void close() {
        }
    }
}
