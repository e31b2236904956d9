package dev.sigil.tail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A name and the files it refers to, in memory, for tests and models: a script of appends, rename rotations,
 * truncations, deletions and re-creations (with a fresh key, or with a reused one, as ext4 reuses inodes) runs
 * without a disk and without timing. Thread-safe: a writer thread and a tailer thread may share it.
 */
public final class MemoryTailSource implements TailSource {

    /** One file: a key and content that only grows, unless truncated. Stays readable after leaving the name. */
    public static final class File {
        private final Object key;
        private byte[] content = new byte[64];
        private int size;

        File(Object key) {
            this.key = key;
        }

        public Object key() {
            return key;
        }

        /** Appends bytes, as a writer holding this file open would, whether or not the name still refers to it. */
        public synchronized void append(byte[] bytes) {
            if (size + bytes.length > content.length) {
                content = Arrays.copyOf(content, Math.max(content.length * 2, size + bytes.length));
            }
            System.arraycopy(bytes, 0, content, size, bytes.length);
            size += bytes.length;
        }

        public void append(String text) {
            append(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Cuts the file to {@code newSize} bytes (or extends it with NUL bytes, as ftruncate does). */
        public synchronized void truncate(int newSize) {
            if (newSize > content.length) {
                content = Arrays.copyOf(content, newSize);
            }
            if (newSize > size) {
                Arrays.fill(content, size, newSize, (byte) 0);
            }
            size = newSize;
        }

        /** Writes at {@code position} (extending with NUL bytes if needed), as a writer without O_APPEND does. */
        public synchronized void writeAt(int position, byte[] bytes) {
            if (position > size) {
                truncate(position);
            }
            int end = Math.max(size, position + bytes.length);
            if (end > content.length) {
                content = Arrays.copyOf(content, Math.max(content.length * 2, end));
            }
            System.arraycopy(bytes, 0, content, position, bytes.length);
            size = end;
        }

        public synchronized int size() {
            return size;
        }

        synchronized int read(long position, byte[] dst, int off, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            System.arraycopy(content, (int) position, dst, off, n);
            return n;
        }
    }

    private final String name;
    private File current;
    private long nextKey = 1;
    /** Files rotated away as numbered parts, oldest first (part n is {@code parts.get(n - 1)}). */
    private final List<File> parts = new ArrayList<>();

    public MemoryTailSource(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Creates a new empty file at the name with a fresh key, replacing what the name referred to. */
    public synchronized File create() {
        return createWithKey(name + "#" + nextKey++);
    }

    /** Creates a new empty file at the name with the given key (to model a reused inode). */
    public synchronized File createWithKey(Object key) {
        current = new File(key);
        return current;
    }

    /** The file the name refers to now, or null. */
    public synchronized File current() {
        return current;
    }

    /** Detaches the file from the name (rename away or unlink) and returns it; it stays writable and readable. */
    public synchronized File remove() {
        File removed = current;
        current = null;
        return removed;
    }

    /** Detaches the file from the name as the next numbered rotated part (as sigil's logger rotates) and returns it. */
    public synchronized File rotateToPart() {
        File removed = remove();
        parts.add(removed);
        return removed;
    }

    /** Points the name at an existing file (a symlink retarget, or a rename onto the name). */
    public synchronized void point(File file) {
        current = file;
    }

    @Override
    public synchronized Object keyAtName() {
        return current == null ? null : current.key;
    }

    @Override
    public synchronized List<Handle> openPartsAfter(Object key) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).key.equals(key)) {
                return parts.subList(i + 1, parts.size()).stream().map(MemoryTailSource::handle).toList();
            }
        }
        return List.of();
    }

    @Override
    public synchronized List<Handle> openParts() {
        return parts.stream().map(MemoryTailSource::handle).toList();
    }

    @Override
    public synchronized Handle open() {
        return current == null ? null : handle(current);
    }

    private static Handle handle(File file) {
        return new Handle() {
            @Override
            public Object key() {
                return file.key;
            }

            @Override
            public long size() {
                return file.size();
            }

            @Override
            public int read(long position, byte[] dst, int off, int length) {
                return file.read(position, dst, off, length);
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}
