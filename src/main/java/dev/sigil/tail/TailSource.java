package dev.sigil.tail;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The seam between the tailer and the file system: a name (a path, possibly a symlink) that refers to a file at
 * some moments, to another file later, and to nothing at others. {@link FileTailSource} is the real one;
 * {@link MemoryTailSource} lets tests script rotations, truncations and inode reuse without a disk.
 */
public interface TailSource {

    /** The name as the user gave it, for messages. */
    String name();

    /**
     * The identity key (device and inode on Unix) of the file the name refers to now, following symlinks, or null if
     * the name refers to nothing. Reads no content.
     *
     * @throws IOException if the name exists but cannot be inspected (permission denied, a directory)
     */
    Object keyAtName() throws IOException;

    /**
     * A cheap look at the metadata of the file the name refers to now, for a follower that wants to know whether
     * anything at the name changed since an earlier look; null when the name refers to nothing, when the look fails,
     * or when this source cannot tell (then every poll checks the content). Reads no content and checks nothing: a
     * stamp that differs from the last one only says "look properly".
     */
    default FileStamp stampAtName() {
        return null;
    }

    /**
     * Opens the file the name refers to now; null if the name refers to nothing. The handle keeps reading that file
     * even after the name moves on (rename, delete, symlink retarget), which is how a rotated file is drained.
     */
    Handle open() throws IOException;

    /**
     * The numbered parts a rotating writer left after renaming away the file with key {@code key}, opened, oldest
     * first: sigil's logger renames {@code execution.jsonl} to {@code execution.1.jsonl}, {@code execution.2.jsonl},
     * and so on, and a reader that fell several rotations behind finds there the files it never saw at the name. Only
     * parts newer than the one the file with {@code key} became; empty when that file is not such a part (another
     * rotation scheme, a deleted file) or when the source has no parts. The caller closes the handles.
     */
    default List<Handle> openPartsAfter(Object key) throws IOException {
        return List.of();
    }

    /** Every numbered part next to the file the name refers to, opened, oldest first (see {@link #openPartsAfter}). */
    default List<Handle> openParts() throws IOException {
        return List.of();
    }

    /**
     * Whether an equal key proves the same file while the tailer holds that file open: true where keys are the file
     * system's own (device and inode: an inode held open is never given to another file), so that the follower need
     * not open the name again to compare contents. False by default (keys that can repeat, as the in-memory source's).
     */
    default boolean keysIdentifyOpenFiles() {
        return false;
    }

    /**
     * The directories whose changes concern this name (where it is, and where the file it leads to is), for a
     * follower that wants to be woken by the file system's change events; empty when there are none to watch.
     */
    default java.util.Set<java.nio.file.Path> watchDirectories() {
        return java.util.Set.of();
    }

    /** An open file: its content can be read at any offset, whatever happens to its name. */
    interface Handle extends Closeable {

        /** The identity key of the opened file, as {@link #keyAtName()} gave it when the file was opened. */
        Object key();

        /** The current size in bytes. */
        long size() throws IOException;

        /** Reads up to {@code length} bytes at {@code position} into {@code dst[off..]}; -1 at the end of the file. */
        int read(long position, byte[] dst, int off, int length) throws IOException;

        @Override
        void close() throws IOException;
    }
}
