package dev.sigil.tail;

import java.util.List;

/**
 * What a {@link Tailer} reports, in the order of the bytes in the file: batches of entries, lines it skipped, and
 * changes to the file behind the name. Immutable; safe to hand to another thread.
 */
public sealed interface TailEvent permits TailEvent.Lines, TailEvent.Skipped, TailEvent.FileChanged {

    /** The name of the source, as given ({@link TailSource#name()}). */
    String source();

    /**
     * Complete lines that were JSON objects, in file order (blank lines are left out). A batch never spans a skipped
     * line or a file change: those come as their own events between batches.
     */
    record Lines(String source, List<TailEntry> entries) implements TailEvent {
        public Lines {
            entries = List.copyOf(entries);
        }
    }

    /**
     * A line that was not handed out, counted under {@code reason}.
     *
     * @param line 1-based line number in its file
     * @param offset byte offset of the line in its file
     * @param length the line's length in bytes (without newline)
     * @param detail what was wrong, for people (a parse error with its column, the length of a long line)
     */
    record Skipped(String source, long line, long offset, long length, SkipReason reason, String detail) implements TailEvent {
    }

    /**
     * The file behind the name changed in a way readers may want to show.
     *
     * @param detail for people: offsets, sizes, the error
     */
    record FileChanged(String source, Change change, String detail) implements TailEvent {
    }

    /** Kinds of {@link FileChanged}. */
    enum Change {
        /** The name refers to nothing (not created yet, or deleted or renamed away after its content was drained). */
        MISSING,
        /** The name refers to a file again after it was missing, or for the first time after a wait. */
        APPEARED,
        /** The name now refers to another file (rename rotation, symlink retarget, delete and re-create); the old one
         *  was read to its end first and is read a little longer in case its writer still appends. */
        ROTATED,
        /** Same file key, but the bytes already read changed (a reused inode, a rewrite): reading from the start. */
        REPLACED,
        /** The file shrank below the read position (truncation, copy-truncate rotation): reading from the start. */
        TRUNCATED,
        /** The name exists but cannot be read (permission denied, an I/O error); retried on every poll. */
        UNREADABLE,
        /** A file that could be read again after being unreadable. */
        READABLE
    }
}
