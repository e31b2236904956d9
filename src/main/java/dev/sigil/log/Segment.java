package dev.sigil.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import dev.sigil.layout.LogLayout;

/**
 * The session's active {@code execution.jsonl}: appends whole lines, knows its size, rotates. A failed write is cut
 * back to the last whole line so that the file never holds a partial line in the middle (docs/logging.md, "Faults").
 * Before each write it checks that the name still leads to the file it writes: a log deleted or renamed away during
 * the run is counted ({@link LostLog}) and a new one created (seed 001 §9.3). Writer thread only.
 */
final class Segment implements Closeable {

    /** The unterminated tail found (and cut) when an existing log was opened, e.g. after a crash mid-write. */
    record TornTail(Path file, long offset, long length, byte[] bytes) {
    }

    /** A write that stopped part way: {@code written} bytes of the buffer reached the file. */
    static final class PartialWriteException extends IOException {
        private static final long serialVersionUID = 1L;
        final long written;

        PartialWriteException(long written, IOException cause) {
            super(cause.getMessage(), cause);
            this.written = written;
        }
    }

    private static final int MAX_KEPT_TORN_BYTES = 1 << 20;

    private static final String NAME = LogLayout.EXECUTION_LOG;

    private final SafeDirectory dir;
    private final Path file;
    private final ChannelOpener opener;
    private final boolean fsync;
    private final Consumer<TornTail> onTorn;
    private final Consumer<LostLog> onLost;
    private FileChannel channel;
    /** The same file open for reading: to cut a torn tail, and to count what a deleted log held. */
    private FileChannel reader;
    /** The identity of the open file, as the directory showed it at the name when it was opened (null: unknown). */
    private Object key;
    private long size;

    private Segment(SafeDirectory dir, ChannelOpener opener, boolean fsync, Consumer<TornTail> onTorn, Consumer<LostLog> onLost) {
        this.dir = dir;
        this.file = dir.resolve(NAME);
        this.opener = opener;
        this.fsync = fsync;
        this.onTorn = onTorn;
        this.onLost = onLost;
    }

    /**
     * Opens (or creates) the session log; {@code onTorn} hears of every torn tail cut, now or at a later reopen, and
     * {@code onLost} of every log found deleted or replaced (after its successor was created).
     */
    static Segment open(SafeDirectory sessionDir, ChannelOpener opener, boolean fsync, Consumer<TornTail> onTorn,
                        Consumer<LostLog> onLost) throws IOException {
        Segment s = new Segment(sessionDir, opener, fsync, onTorn, onLost);
        s.reopen();
        return s;
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    boolean isOpen() {
        return channel != null;
    }

    /** (Re)opens execution.jsonl for appending after a rotation or a failure closed it. */
    void reopen() throws IOException {
        boolean existed = dir.exists(NAME);
        FileChannel ch = dir.append(NAME, opener);
        FileChannel in = null;
        try {
            in = dir.read(NAME);
            TornTail torn = existed ? cutTornTail(ch, in) : null;
            size = ch.size();
            key = dir.keyOf(NAME);
            if (!existed && fsync) {
                dir.fsync();
            }
            channel = ch;
            reader = in;
            if (torn != null) {
                onTorn.accept(torn);
            }
        } catch (IOException e) {
            ch.close();
            if (in != null) {
                in.close();
            }
            throw e;
        }
    }

    /** Writes all of {@code buf} (looping over short writes). */
    void write(ByteBuffer buf) throws IOException {
        if (channel != null && key != null && !key.equals(dir.keyOf(NAME))) {
            replaceLost();
        }
        if (channel == null) {
            reopen();
        }
        long start = buf.position();
        try {
            SafeDirectory.writeFully(channel, buf);
        } catch (IOException e) {
            long written = buf.position() - start;
            size += written;
            throw new PartialWriteException(written, e);
        }
        size += buf.position() - start;
    }

    /**
     * The name no longer leads to the open file (deleted, or renamed away by someone else): counts what the open file
     * holds, lets go of it, and creates a new log at the name; then tells {@code onLost}.
     */
    private void replaceLost() throws IOException {
        LostLog lost = LostLog.count(file, reader);
        close();
        reopen();
        onLost.accept(lost);
    }

    /** Cuts the file back to {@code newSize} (the end of the last whole line that was written). */
    void truncateTo(long newSize) throws IOException {
        channel.truncate(newSize);
        size = newSize;
    }

    void force() throws IOException {
        if (channel != null) {
            channel.force(false);
        }
    }

    /** Whether {@code incoming} more bytes would take a non-empty log past {@code maxSize}. */
    boolean needsRotation(long incoming, long maxSize) {
        return size > 0 && size + incoming > maxSize;
    }

    /**
     * Rotation: (the data is already written and fsynced) close, rename to the next part, create a new empty log,
     * fsync the directory. A reader following the name finds the old file complete when the name changes.
     */
    Path rotate() throws IOException {
        Path rotated = retire();
        channel = dir.createNew(NAME, opener);
        reader = dir.read(NAME);
        key = dir.keyOf(NAME);
        size = 0;
        if (fsync) {
            dir.fsync();
        }
        return rotated;
    }

    /** Closes the log and renames it to the next part, without creating a new one (the next write reopens). */
    Path retire() throws IOException {
        close();
        size = 0;
        Path rotated = Rotation.renameToNextPart(dir);
        if (fsync) {
            dir.fsync();
        }
        return rotated;
    }

    @Override
    public void close() throws IOException {
        FileChannel ch = channel;
        FileChannel in = reader;
        channel = null;
        reader = null;
        try {
            if (ch != null) {
                ch.close();
            }
        } finally {
            if (in != null) {
                in.close();
            }
        }
    }

    /** If the file does not end with a newline, cuts it after the last newline and returns what was cut. */
    private TornTail cutTornTail(FileChannel ch, FileChannel in) throws IOException {
        long end = in.size();
        if (end == 0 || lastByte(in, end) == '\n') {
            return null;
        }
        long cut = afterLastNewline(in, end);
        int keep = (int) Math.min(end - cut, MAX_KEPT_TORN_BYTES);
        ByteBuffer tail = ByteBuffer.allocate(keep);
        while (tail.hasRemaining() && in.read(tail, cut + tail.position()) >= 0) {
            // read until full
        }
        ch.truncate(cut);
        if (fsync) {
            ch.force(false);
        }
        return new TornTail(file, cut, end - cut, Arrays.copyOf(tail.array(), tail.position()));
    }

    private static int lastByte(FileChannel in, long end) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        in.read(one, end - 1);
        return one.get(0);
    }

    private static long afterLastNewline(FileChannel in, long end) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long pos = end;
        while (pos > 0) {
            long start = Math.max(0, pos - buf.capacity());
            buf.clear().limit((int) (pos - start));
            while (buf.hasRemaining() && in.read(buf, start + buf.position()) >= 0) {
                // fill
            }
            for (int i = buf.position() - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            pos = start;
        }
        return 0;
    }
}
