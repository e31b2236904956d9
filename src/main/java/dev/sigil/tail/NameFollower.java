package dev.sigil.tail;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.sigil.tail.TailEvent.Change;

/**
 * Follows one name across the files it refers to over time: reads the current file to its end on every poll, tells a
 * rotation (another file key at the name) from a truncation or an in-place rewrite (same key, fewer bytes or
 * different bytes), drains a rotated file before switching and keeps reading it while its writer may still append,
 * and waits when the name refers to nothing. All on the polling thread.
 *
 * <p>An idle poll is cheap: once a poll has checked the file properly (key, content, confinement) and found it as
 * it was, its stamp ({@link FileStamp}: key, size, status-change time) is kept, and later polls that find the same
 * stamp at the name only read on from the offset. A stamp is kept only when the change it records is at least
 * {@link #SETTLED} older than the poll that checked it: the file system stamps changes with a coarse clock (a few
 * milliseconds on Linux, a second on some file systems), so a rewrite of the same size right after the last write
 * could carry the very same stamp; a change made after a poll that came {@link #SETTLED} later cannot.
 */
final class NameFollower implements Closeable {

    /** How much older than the poll that checks it a file's last change must be for its stamp to be trusted. */
    static final Duration SETTLED = Duration.ofSeconds(2);

    private final TailSource source;
    private final TailOptions options;
    private final Emitter out;
    private OpenFile current;
    private final List<OpenFile> retiring = new ArrayList<>();
    /** A MISSING event was sent and no file has appeared since. */
    private boolean missing;
    /** The key of the file read before the name went missing: it may have become a rotated part. */
    private Object gone;
    /** A file was opened at the name at least once. */
    private boolean started;
    /** UNREADABLE and READABLE, and whether the poll under way met a failure. */
    private final Readability readability;
    /** The current poll found the open file still at the name with the bytes it had (no rotation, no rewrite). */
    private boolean confirmed;
    /** The stamp of the open file when a poll last confirmed it, if old enough to be trusted; else null. */
    private FileStamp settled;

    NameFollower(TailSource source, TailOptions options, Emitter out) {
        this.source = source;
        this.options = options;
        this.out = out;
        this.readability = new Readability(out);
    }

    /** The key of the file open at the name, or null. */
    Object currentKey() {
        return current == null ? null : current.key();
    }

    /** One poll; returns the number of bytes read. */
    long poll() {
        out.source(source.name());
        readability.pollStarts();
        confirmed = false;
        long read = drainRetiring();
        Instant now = options.clock().instant();
        FileStamp stamp = current == null ? null : source.stampAtName();
        if (stamp != null && stamp.equals(settled)) {
            return read + readCurrent(); // nothing at the name changed since it was last checked properly
        }
        settled = null;
        Object key;
        try {
            key = source.keyAtName();
        } catch (IOException e) {
            readability.failed(e);
            return read + readCurrent();
        }
        read += follow(key);
        if (confirmed && !readability.troubled() && stamp != null && stamp.key().equals(current.key())
                && stamp.size() == current.position() && !stamp.changed().plus(SETTLED).isAfter(now)) {
            settled = stamp;
        }
        return read;
    }

    private long follow(Object key) {
        long read = 0;
        if (current != null && key == null) {
            keptItsBytes(); // truncated just before it went away: it is read again from byte 0
            gone = current.key();
            read += retireCurrent();
            out.change(Change.MISSING, "removed or renamed away; its content was read to the end");
            missing = true;
        } else if (current != null) {
            // Another key means another file; the same key may still be another file (a reused inode), told by content.
            // The open file is checked first either way: truncated just before a rotation, it is read again from 0.
            boolean kept = keptItsBytes();
            boolean rotated = !key.equals(current.key()) || !source.keysIdentifyOpenFiles() && !sameFileAtName();
            if (rotated && key.equals(current.key())) {
                // Same key, other bytes: a reused inode, or the open file itself changed between the two looks (the
                // next writer cutting a torn line). The open file is looked at again first: if it changed, that is
                // handled as such, and the name compared again.
                kept = keptItsBytes();
                rotated = !sameFileAtName();
            }
            confirmed = kept && !rotated;
            if (rotated) {
                gone = current.key();
                read += retireCurrent();
                openCurrent(true);
                read += readMissedParts(true);
            }
        }
        if (current == null && key != null && resumeRetired(key)) {
            gone = null; // the name was away for a moment (moved, then linked back): the same file, read on
        } else if (current == null && key != null) {
            boolean first = !started;
            openCurrent(true);
            // Caught between a rename and the creation of the next file: a rotation too.
            read += first ? readEarlierParts() : readMissedParts(false);
        } else if (current == null && !missing) {
            out.change(Change.MISSING, "no such file; waiting for it to appear");
            missing = true;
        }
        if (!readability.troubled()) {
            readability.recovered();
        }
        return read + readCurrent();
    }

    /**
     * After a rotation, once the file now at the name is open: reads the numbered parts that came after the file
     * read before ({@link #gone}) and before the current one, files the name referred to between two polls without
     * being seen (a writer faster than the reader rotates several times between two looks), oldest first. Announces
     * the rotation first when asked to, or when there were such parts. The newest part stays among the retiring
     * files, since its writer may still append to it for a moment; the older ones are finished.
     */
    private long readMissedParts(boolean announce) {
        List<OpenFile> missed = current != null && gone != null ? upToCurrent(openParts(true)) : List.of();
        if (current != null) {
            gone = null;
        }
        String count = missed.size() + " rotated part" + (missed.size() == 1 ? "" : "s") + " written since";
        if (announce) {
            out.change(Change.ROTATED, "the name refers to another file now; the previous one was read to its end"
                    + (missed.isEmpty() ? "" : ", then " + count));
        } else if (!missed.isEmpty()) {
            out.change(Change.ROTATED, "the previous file had become a rotated part; reading the " + count);
        }
        return readParts(missed);
    }

    /** When the name is first opened, with {@link TailOptions#partsFirst()}: the parts before the current file. */
    private long readEarlierParts() {
        if (current == null) {
            return 0;
        }
        started = true;
        if (!options.partsFirst()) {
            return 0;
        }
        return readParts(upToCurrent(openParts(false)));
    }

    /** Reads parts to their end, in order; the newest stays among the retiring files, the others are finished. */
    private long readParts(List<OpenFile> parts) {
        long read = 0;
        for (int i = 0; i < parts.size(); i++) {
            OpenFile part = parts.get(i);
            try {
                read += part.readToEnd(out);
            } catch (IOException e) {
                readability.failed(e);
            }
            if (i == parts.size() - 1) {
                retiring.add(part);
            } else {
                dropPartial(part.assembler(), "its file was rotated away");
                part.closeQuietly();
            }
        }
        return read;
    }

    private List<TailSource.Handle> openParts(boolean afterGone) {
        try {
            return afterGone ? source.openPartsAfter(gone) : source.openParts();
        } catch (IOException e) {
            readability.failed(e);
            return List.of();
        }
    }

    /** The parts before the one the current file became if it was renamed meanwhile; the others are closed. */
    private List<OpenFile> upToCurrent(List<TailSource.Handle> parts) {
        List<OpenFile> missed = new ArrayList<>();
        boolean reachedCurrent = false;
        for (TailSource.Handle h : parts) {
            reachedCurrent |= h.key().equals(current.key());
            if (reachedCurrent) {
                closeQuietly(h); // the current file and what came after it: read as the current file, then at its rotation
            } else {
                missed.add(new OpenFile(h, options));
            }
        }
        return missed;
    }

    /** Reads the file once to its end, the unterminated last line included (no following). False if missing. */
    boolean readOnce() {
        out.source(source.name());
        try {
            if (current == null && source.keyAtName() != null) {
                openCurrent(false);
            }
        } catch (IOException e) {
            readability.failed(e);
            return false;
        }
        if (current == null) {
            if (readability.readable()) {
                out.change(Change.MISSING, "no such file");
            }
            return false;
        }
        if (!started) {
            readEarlierParts();
        }
        readCurrent();
        current.assembler().finish(out);
        out.flush();
        return readability.readable();
    }

    /** Opens the file at the name as the current one; {@code following}: it will be looked at again ({@link ReadDigest}). */
    private void openCurrent(boolean following) {
        TailSource.Handle handle;
        try {
            handle = source.open();
        } catch (IOException e) {
            readability.failed(e);
            return;
        }
        if (handle == null) {
            return;
        }
        current = new OpenFile(handle, options, following);
        if (missing) {
            out.change(Change.APPEARED, "reading it from the start");
            missing = false;
        }
    }

    /**
     * When the name leads again to a file still being drained since it went away (held open, so its key is its own),
     * that file becomes the current one again and is read on: opening it anew would read it twice.
     */
    private boolean resumeRetired(Object key) {
        if (!source.keysIdentifyOpenFiles()) {
            return false;
        }
        for (Iterator<OpenFile> it = retiring.iterator(); it.hasNext(); ) {
            OpenFile file = it.next();
            if (key.equals(file.key())) {
                it.remove();
                current = file;
                if (missing) {
                    out.change(Change.APPEARED, "the same file as before; reading on from byte " + file.position());
                    missing = false;
                }
                return true;
            }
        }
        return false;
    }

    /** Whether the file at the name holds what the open file held (false only when that is known not to be so). */
    private boolean sameFileAtName() {
        try (TailSource.Handle atName = source.open()) {
            return atName == null || current.sameContentAs(atName);
        } catch (IOException e) {
            readability.failed(e);
            return true;
        }
    }

    /**
     * Whether the bytes already read are still in the open file; if not (a truncation, a rewrite in place), reports
     * it and starts over at byte 0.
     */
    private boolean keptItsBytes() {
        OpenFile.Status status;
        try {
            status = current.check();
        } catch (IOException e) {
            readability.failed(e);
            return true;
        }
        if (status == OpenFile.Status.SAME) {
            return true;
        }
        if (status != OpenFile.Status.REWRITTEN && lostOnlyItsPartialLine()) {
            long offset = current.assembler().pendingOffset();
            long number = current.assembler().lines() + 1;
            out.torn(number, offset, current.cutPartialLine(), "its writer cut it off (the next writer repairs a line left by one that stopped mid-write)");
            return true;
        }
        long position = current.position();
        LineAssembler old = current.restart();
        if (status == OpenFile.Status.TRUNCATED) {
            out.change(Change.TRUNCATED, "shrank below byte " + position + "; reading from the start");
        } else if (status == OpenFile.Status.REWRITTEN) {
            out.change(Change.REPLACED, "rewritten in place (truncated and written again past byte " + position
                    + "): bytes read earlier changed; reading from the start");
        } else {
            out.change(Change.REPLACED, "the bytes before byte " + position + " changed; reading from the start");
        }
        dropPartial(old, "its file was rewritten");
        return false;
    }

    private boolean lostOnlyItsPartialLine() {
        try {
            return current.lostOnlyItsPartialLine();
        } catch (IOException e) {
            readability.failed(e);
            return false;
        }
    }

    private long readCurrent() {
        if (current == null) {
            return 0;
        }
        try {
            return current.readToEnd(out);
        } catch (IOException e) {
            readability.failed(e);
            return 0;
        }
    }

    /** Reads the current file to its end and moves it to the files still read in case their writer appends. */
    private long retireCurrent() {
        long n = readCurrent();
        retiring.add(current);
        current = null;
        return n + drainRetiring();
    }

    private long drainRetiring() {
        long read = 0;
        for (Iterator<OpenFile> it = retiring.iterator(); it.hasNext(); ) {
            OpenFile file = it.next();
            try {
                read += file.readToEnd(out);
            } catch (IOException e) {
                readability.failed(e);
            }
            if (file.quietPolls() > options.rotateWaitPolls()) {
                dropPartial(file.assembler(), "its file was rotated away");
                file.closeQuietly();
                it.remove();
            }
        }
        return read;
    }

    private void dropPartial(LineAssembler assembler, String why) {
        if (assembler.hasPartial()) {
            long offset = assembler.pendingOffset();
            long number = assembler.lines() + 1;
            long length = assembler.discardPartial();
            out.torn(number, offset, length, why);
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.closeQuietly();
            current = null;
        }
        retiring.forEach(OpenFile::closeQuietly);
        retiring.clear();
    }

    private static void closeQuietly(TailSource.Handle handle) {
        try {
            handle.close();
        } catch (IOException e) {
            // a read-only handle has nothing to lose on close
        }
    }
}
