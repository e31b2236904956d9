package dev.sigil.contract.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte array the encoder appends to; reusable with {@link #reset()}. Not thread-safe. */
public final class ByteSink {

    private byte[] buf;
    private int size;

    public ByteSink() {
        this(256);
    }

    public ByteSink(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public void write(int b) {
        if (size == buf.length) {
            grow(1);
        }
        buf[size++] = (byte) b;
    }

    public void write(byte[] bytes, int off, int len) {
        ensure(len);
        System.arraycopy(bytes, off, buf, size, len);
        size += len;
    }

    /** Appends a string known to be ASCII (one byte per char). */
    public void writeAscii(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) s.charAt(i);
        }
    }

    /** Makes room for {@code extra} more bytes. */
    public void ensure(int extra) {
        if (size + extra > buf.length) {
            grow(extra);
        }
    }

    private void grow(int extra) {
        long wanted = Math.max((long) buf.length * 2, (long) size + extra);
        if (wanted > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("encoded value larger than 2 GiB");
        }
        buf = Arrays.copyOf(buf, (int) wanted);
    }

    /** The backing array (valid up to {@link #size()}), for encoders' hot loops; changes when the sink grows. */
    public byte[] array() {
        return buf;
    }

    /** Counts {@code n} bytes written straight into {@link #array()} after {@link #ensure}. */
    public void advance(int n) {
        size += n;
    }

    public int size() {
        return size;
    }

    public void reset() {
        size = 0;
    }

    /** Gives back a buffer grown large (after a failed huge line), keeping what was written. */
    public void trim() {
        if (buf.length > 1 << 16 && size <= 1 << 12) {
            buf = Arrays.copyOf(buf, 1 << 12);
        }
    }

    /** Forgets everything written after the first {@code length} bytes. */
    public void truncate(int length) {
        if (length < 0 || length > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " bytes to " + length);
        }
        size = length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, size);
    }

    @Override
    public String toString() {
        return new String(buf, 0, size, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
