package dev.sigil.tail;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;

/**
 * One opened file being read: its handle, the read position, the assembler holding its unterminated last line, and
 * a fingerprint of what was read (the first bytes and the bytes just before the position) that tells a file
 * rewritten in place from one that merely grew.
 */
final class OpenFile implements Closeable {

    /** Bytes of the file's start kept as its fingerprint (Vector and Filebeat fingerprint the start too). */
    static final int HEAD_BYTES = 64;
    /** Bytes before the read position kept as a marker (Fluent Bit keeps a hash of the 32 bytes before its offset). */
    static final int MARK_BYTES = 32;

    /** What {@link #check()} found. */
    enum Status { SAME, TRUNCATED, REPLACED }

    private final TailSource.Handle handle;
    private final int maxLineBytes;
    private final byte[] buffer;
    private LineAssembler assembler;
    private byte[] head = new byte[0];
    private final byte[] mark = new byte[MARK_BYTES];
    private int markLength;
    private int quietPolls;

    OpenFile(TailSource.Handle handle, TailOptions options) {
        this.handle = handle;
        this.maxLineBytes = options.maxLineBytes();
        this.buffer = new byte[options.readChunkBytes()];
        this.assembler = new LineAssembler(maxLineBytes);
    }

    Object key() {
        return handle.key();
    }

    long position() {
        return assembler.consumed();
    }

    LineAssembler assembler() {
        return assembler;
    }

    /** Reads from the position to the end of the file, one chunk at a time; returns the number of bytes read. */
    long readToEnd(Emitter out) throws IOException {
        long total = 0;
        while (true) {
            int n = handle.read(position(), buffer, 0, buffer.length);
            if (n <= 0) {
                break;
            }
            remember(n);
            assembler.feed(buffer, 0, n, out);
            out.flush();
            total += n;
        }
        quietPolls = total == 0 ? quietPolls + 1 : 0;
        return total;
    }

    /** Whether the bytes already read are still there, by size, start and the bytes before the position. */
    Status check() throws IOException {
        long size = handle.size();
        if (size < position()) {
            return Status.TRUNCATED;
        }
        if (!matches(handle, 0, head, head.length) || !matches(handle, position() - markLength, mark, markLength)) {
            return Status.REPLACED;
        }
        return Status.SAME;
    }

    /**
     * Whether {@code other}, the file the name refers to now, holds what this file held up to the read position: at
     * least as many bytes, the same first bytes, the same bytes before the position. False means the name refers to
     * another file, even if its key is the same (a reused inode, a platform without keys). An appending writer only
     * adds bytes, so a race with it cannot make the same file look different.
     */
    boolean sameContentAs(TailSource.Handle other) throws IOException {
        return other.size() >= position() && matches(other, 0, head, head.length)
                && matches(other, position() - markLength, mark, markLength);
    }

    /** Starts over at byte 0 with a fresh assembler; returns the assembler that held the old partial line. */
    LineAssembler restart() {
        LineAssembler old = assembler;
        assembler = new LineAssembler(maxLineBytes);
        head = new byte[0];
        markLength = 0;
        quietPolls = 0;
        return old;
    }

    /** Consecutive reads that found nothing new. */
    int quietPolls() {
        return quietPolls;
    }

    @Override
    public void close() throws IOException {
        handle.close();
    }

    private void remember(int n) {
        long start = position();
        if (start < HEAD_BYTES) {
            int keep = (int) Math.min(HEAD_BYTES - start, n);
            head = Arrays.copyOf(head, head.length + keep);
            System.arraycopy(buffer, 0, head, (int) start, keep);
        }
        if (n >= MARK_BYTES) {
            System.arraycopy(buffer, n - MARK_BYTES, mark, 0, MARK_BYTES);
            markLength = MARK_BYTES;
        } else {
            int keepOld = Math.min(markLength, MARK_BYTES - n);
            System.arraycopy(mark, markLength - keepOld, mark, 0, keepOld);
            System.arraycopy(buffer, 0, mark, keepOld, n);
            markLength = keepOld + n;
        }
    }

    private static boolean matches(TailSource.Handle file, long position, byte[] expected, int length) throws IOException {
        if (length == 0) {
            return true;
        }
        byte[] actual = new byte[length];
        int got = 0;
        while (got < length) {
            int n = file.read(position + got, actual, got, length - got);
            if (n <= 0) {
                return false;
            }
            got += n;
        }
        return Arrays.equals(actual, 0, length, expected, 0, length);
    }
}
