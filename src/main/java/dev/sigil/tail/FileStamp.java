package dev.sigil.tail;

import java.time.Instant;
import java.util.Objects;

/**
 * What one look at a name's metadata says of the file it refers to: its identity key, its size and the time of its
 * last change (status change, which every write, truncation, rename and attribute change moves forward and which no
 * program can set back, unlike the modification time). Two equal stamps taken some time apart mean the file was not
 * touched in between, provided the earlier one was taken well after the change it records (see
 * {@link NameFollower}: the file system's clock is coarse).
 *
 * @param key the identity key, as {@link TailSource#keyAtName()} gives it
 * @param size the size in bytes
 * @param changed the last status change
 */
public record FileStamp(Object key, long size, Instant changed) {

    public FileStamp {
        Objects.requireNonNull(key);
        Objects.requireNonNull(changed);
    }

    /**
     * Written out: a record's generated {@code equals} goes through a method handle, slow in the interpreter, where a
     * poll ten times a second spends its first minutes.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof FileStamp other && size == other.size && changed.equals(other.changed) && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, size, changed);
    }
}
