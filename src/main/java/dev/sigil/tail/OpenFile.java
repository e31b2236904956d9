package dev.sigil.tail;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;

/**
 * One opened file being read: its handle, the read position, the assembler holding its unterminated last line, and
 * a fingerprint of what was read (the first bytes and the bytes just before the position; for a followed file also
 * the checksums of everything read, {@link ReadDigest}) that tells a file rewritten in place from one that merely
 * grew.
 */
final class OpenFile implements Closeable {

    /** Bytes of the file's start kept as its fingerprint (Vector and Filebeat fingerprint the start too). */
    static final int HEAD_BYTES = 64;
    /** Bytes before the read position kept as a marker (Fluent Bit keeps a hash of the 32 bytes before its offset). */
    static final int MARK_BYTES = 32;

    /**
     * What {@link #check()} found: REPLACED when the first bytes or those just before the position changed (which the
     * next writer's cut of a torn line can explain), REWRITTEN when bytes of complete lines read earlier changed.
     */
    enum Status { SAME, TRUNCATED, REPLACED, REWRITTEN }

    private final TailSource.Handle handle;
    private final int maxLineBytes;
    private final byte[] buffer;
    private LineAssembler assembler;
    private byte[] head = new byte[0];
    private final byte[] mark = new byte[MARK_BYTES];
    private int markLength;
    /** The bytes before the end of the last complete line (the start of the unterminated one). */
    private final byte[] lineMark = new byte[MARK_BYTES];
    private int lineMarkLength;
    private int quietPolls;
    /** Checksums of what was read, for a followed file; null for one read once. */
    private final ReadDigest digest;

    OpenFile(TailSource.Handle handle, TailOptions options) {
        this(handle, options, false);
    }

    OpenFile(TailSource.Handle handle, TailOptions options, boolean following) {
        this.handle = handle;
        this.digest = following ? new ReadDigest() : null;
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
            total += n;
        }
        // Once per read to the end, not per chunk: a large backlog is then decoded in big groups on two threads
        // (ADR 0041), and a live log's new lines still go out as soon as they are read.
        out.flush();
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
        if (digest != null && digest.verify(handle, assembler.pendingOffset(), buffer) >= 0) {
            return Status.REWRITTEN;
        }
        return Status.SAME;
    }

    /**
     * Whether {@code other}, the file the name refers to now, is this file as far as can be told: this file starts
     * with the first bytes of {@code other}, and {@code other} has at least as many bytes as this one, with the same
     * bytes before the read position and before this one's end. False means the name refers to another file, even if its key is the same (a
     * reused inode, a platform without keys). An appending writer only adds bytes, so a race with it cannot make
     * the same file look different. A different file that starts with everything read so far cannot be told apart.
     */
    boolean sameContentAs(TailSource.Handle other) throws IOException {
        byte[] otherHead = new byte[HEAD_BYTES];
        int headLength = 0;
        while (headLength < HEAD_BYTES) {
            int got = other.read(headLength, otherHead, headLength, HEAD_BYTES - headLength);
            if (got <= 0) {
                break;
            }
            headLength += got;
        }
        // Read the other's bytes first and this one's size first: if both are one file growing by appends, the
        // later look always sees at least what the earlier one saw.
        if (!matches(handle, 0, otherHead, headLength)) {
            return false;
        }
        long mySize = handle.size();
        if (other.size() < Math.max(mySize, position()) || !matches(other, position() - markLength, mark, markLength)) {
            return false;
        }
        // The newest bytes of this file, wherever the read position is: two files that share a long start
        // (lines that begin alike) still differ where their writers last wrote.
        int n = (int) Math.min(MARK_BYTES, mySize);
        byte[] newest = new byte[n];
        return readFully(handle, mySize - n, newest) && matches(other, mySize - n, newest, n);
    }

    /**
     * Whether the file lost only the unterminated line after the last complete one: it still holds every complete
     * line read (same start, same bytes before their end) but not the bytes after them. That is what the next writer
     * does to the torn line of a writer that crashed mid-line (docs/logging.md: it cuts the line, then appends).
     */
    boolean lostOnlyItsPartialLine() throws IOException {
        long linesEnd = assembler.pendingOffset();
        if (!assembler.hasPartial() || handle.size() < linesEnd) {
            return false;
        }
        int headLength = (int) Math.min(head.length, linesEnd);
        return matches(handle, 0, head, headLength) && matches(handle, linesEnd - lineMarkLength, lineMark, lineMarkLength)
                && (digest == null || digest.verify(handle, linesEnd, buffer) < 0);
    }

    /** Forgets the unterminated line and reads on from where it started; returns its length. */
    long cutPartialLine() {
        long length = assembler.rewindPartial();
        if (digest != null) {
            digest.dropAfter(position());
        }
        System.arraycopy(lineMark, 0, mark, 0, lineMarkLength);
        markLength = lineMarkLength;
        if (head.length > position()) {
            head = Arrays.copyOf(head, (int) position());
        }
        quietPolls = 0;
        return length;
    }

    /** Starts over at byte 0 with a fresh assembler; returns the assembler that held the old partial line. */
    LineAssembler restart() {
        LineAssembler old = assembler;
        assembler = new LineAssembler(maxLineBytes);
        head = new byte[0];
        markLength = 0;
        lineMarkLength = 0;
        quietPolls = 0;
        if (digest != null) {
            digest.clear();
        }
        return old;
    }

    /** Consecutive reads that found nothing new. */
    int quietPolls() {
        return quietPolls;
    }

    /** Closes the file; a read-only handle has nothing to lose on close. */
    void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // nothing written through it
        }
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
        int lastNewline = n - 1;
        while (lastNewline >= 0 && buffer[lastNewline] != '\n') {
            lastNewline--;
        }
        if (digest != null) {
            // cut at the last newline, so that the pieces of complete lines can be checked apart from a partial one
            digest.add(start, buffer, 0, lastNewline + 1, true);
            digest.add(start + lastNewline + 1, buffer, lastNewline + 1, n, false);
        }
        if (lastNewline >= 0) {
            slideMark(0, lastNewline + 1);
            System.arraycopy(mark, 0, lineMark, 0, markLength);
            lineMarkLength = markLength;
        }
        slideMark(lastNewline + 1, n);
    }

    /** Moves the mark on over {@code buffer[from, to)}: it keeps the last {@link #MARK_BYTES} bytes read. */
    private void slideMark(int from, int to) {
        int n = to - from;
        if (n >= MARK_BYTES) {
            System.arraycopy(buffer, to - MARK_BYTES, mark, 0, MARK_BYTES);
            markLength = MARK_BYTES;
        } else {
            int keepOld = Math.min(markLength, MARK_BYTES - n);
            System.arraycopy(mark, markLength - keepOld, mark, 0, keepOld);
            System.arraycopy(buffer, from, mark, keepOld, n);
            markLength = keepOld + n;
        }
    }

    private static boolean readFully(TailSource.Handle file, long position, byte[] into) throws IOException {
        int got = 0;
        while (got < into.length) {
            int n = file.read(position + got, into, got, into.length - got);
            if (n <= 0) {
                return false;
            }
            got += n;
        }
        return true;
    }

    private static boolean matches(TailSource.Handle file, long position, byte[] expected, int length) throws IOException {
        if (length == 0) {
            return true;
        }
        byte[] actual = new byte[length];
        return readFully(file, position, actual) && Arrays.equals(actual, 0, length, expected, 0, length);
    }
}
