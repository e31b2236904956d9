package dev.sigil.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A path on disk. The key is the file system's file key (device and inode on Linux and macOS), read through
 * symlinks, so a retargeted {@code current.jsonl} shows up as a new file. Where the platform has no file key the
 * key is the path itself and the tailer relies on content fingerprints alone.
 */
public final class FileTailSource implements TailSource {

    /** Open attempts when the name moves between the two looks that bracket an open. */
    private static final int OPEN_ATTEMPTS = 5;

    private final Path path;
    private final String name;

    public FileTailSource(Path path) {
        this(path, path.toString());
    }

    public FileTailSource(Path path, String name) {
        this.path = Objects.requireNonNull(path);
        this.name = Objects.requireNonNull(name);
    }

    @Override
    public String name() {
        return name;
    }

    public Path path() {
        return path;
    }

    @Override
    public Object keyAtName() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return null;
        }
        if (attributes.isDirectory()) {
            throw new IOException("is a directory");
        }
        Object key = attributes.fileKey();
        return key != null ? key : path;
    }

    @Override
    public Handle open() throws IOException {
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            Object before = keyAtName();
            if (before == null) {
                return null;
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                continue;
            }
            // Java cannot fstat a channel: a key seen both before and after the open is the key of what was opened.
            Object after = keyAtName();
            if (before.equals(after)) {
                return new ChannelHandle(channel, before);
            }
            channel.close();
        }
        throw new IOException("the file kept changing while it was being opened");
    }

    private static final class ChannelHandle implements Handle {
        private final FileChannel channel;
        private final Object key;

        ChannelHandle(FileChannel channel, Object key) {
            this.channel = channel;
            this.key = key;
        }

        @Override
        public Object key() {
            return key;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public int read(long position, byte[] dst, int off, int length) throws IOException {
            return channel.read(ByteBuffer.wrap(dst, off, length), position);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
