package dev.sigil.monitor.state;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

import dev.sigil.contract.event.EventTime;

/** The fields of a {@link FoldImage}, big-endian, written and read back with every length checked. */
final class FoldBytes {

    /** Longest list read back (rows, components, nodes): a corrupt count asks for no memory. */
    static final int MAX_COUNT = 1 << 20;

    private FoldBytes() {
    }

    /** A growing array of big-endian fields. */
    static final class Out {
        private byte[] bytes = new byte[64 << 10];
        private int size;

        private void room(int n) {
            if (bytes.length - size < n) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
        }

        private void put(long v, int width) {
            room(width);
            for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (v >>> shift);
            }
        }

        void longs(long... values) {
            for (long v : values) {
                put(v, 8);
            }
        }

        void count(int n) {
            put(n, 4);
        }

        void dbl(double d) {
            put(Double.doubleToRawLongBits(d), 8);
        }

        void string(String s) {
            count(s.length());
            room(2 * s.length());
            for (int i = 0; i < s.length(); i++) {
                put(s.charAt(i), 2);
            }
        }

        void time(EventTime t) {
            put(t == null ? 0 : 1, 1);
            if (t != null) {
                put(t.micros(), 8);
                put(t.aware() ? 1 : 0, 1);
            }
        }

        void decimal(BigDecimal d) {
            byte[] unscaled = d.unscaledValue().toByteArray();
            count(d.scale());
            count(unscaled.length);
            room(unscaled.length);
            System.arraycopy(unscaled, 0, bytes, size, unscaled.length);
            size += unscaled.length;
        }

        void longArray(long[] a) {
            count(a.length);
            longs(a);
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** The reading side: every count and length checked before memory is asked for; bytes missing are refused. */
    static final class In {
        private final byte[] bytes;
        private int at;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean hasRemaining() {
            return at < bytes.length;
        }

        private int remaining() {
            return bytes.length - at;
        }

        private long get(int width) {
            if (remaining() < width) {
                throw new IllegalArgumentException("the fold ends early");
            }
            long v = 0;
            for (int i = 0; i < width; i++) {
                v = v << 8 | (bytes[at++] & 0xff);
            }
            return v;
        }

        long getLong() {
            return get(8);
        }

        int getInt() {
            return (int) get(4);
        }

        double getDouble() {
            return Double.longBitsToDouble(get(8));
        }

        int count() {
            int n = getInt();
            if (n < 0 || n > MAX_COUNT || n > remaining()) {
                throw new IllegalArgumentException("a count out of range: " + n);
            }
            return n;
        }

        long natural() {
            long v = getLong();
            if (v < 0) {
                throw new IllegalArgumentException("a negative count: " + v);
            }
            return v;
        }

        boolean bool() {
            long v = getLong();
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("not a flag: " + v);
            }
            return v == 1;
        }

        String string() {
            int n = getInt();
            if (n < 0 || 2L * n > remaining()) {
                throw new IllegalArgumentException("a string longer than what is left: " + n);
            }
            char[] c = new char[n];
            for (int i = 0; i < n; i++) {
                c[i] = (char) get(2);
            }
            return new String(c);
        }

        EventTime time() {
            long flag = get(1);
            if (flag == 0) {
                return null;
            }
            long micros = getLong();
            long aware = get(1);
            if (flag != 1 || aware > 1) {
                throw new IllegalArgumentException("not a time");
            }
            return new EventTime(micros, aware == 1);
        }

        BigDecimal decimal() {
            int scale = getInt();
            int n = count();
            if (n == 0) {
                throw new IllegalArgumentException("not a number");
            }
            byte[] b = Arrays.copyOfRange(bytes, at, at + n);
            at += n;
            return new BigDecimal(new BigInteger(b), scale);
        }

        long[] longArray() {
            int n = count();
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = getLong();
            }
            return a;
        }
    }
}
