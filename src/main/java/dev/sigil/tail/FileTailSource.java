package dev.sigil.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sigil.layout.LogLayout;

/**
 * A path on disk. The key is the file system's file key (device and inode on Linux and macOS), read through
 * symlinks, so a retargeted {@code current.jsonl} shows up as a new file. Where the platform has no file key the
 * key is the path itself and the tailer relies on content fingerprints alone. Rotated parts are the files next to
 * the one the name refers to that are named like it with a number before the extension ({@code execution.3.jsonl}
 * for {@code execution.jsonl}), as sigil's logger names them.
 */
public final class FileTailSource implements TailSource {

    /** Whether this platform gives file keys (device and inode); without them the key is the path. */
    private static final boolean FILE_KEYS = fileKeys();

    /** Open attempts when the name moves between the two looks that bracket an open. */
    private static final int OPEN_ATTEMPTS = 5;

    private final Path path;
    private final String name;
    /** The directory the name must lead into, or null. */
    private final Path root;

    public FileTailSource(Path path) {
        this(path, path.toString());
    }

    public FileTailSource(Path path, String name) {
        this(path, name, null);
    }

    private FileTailSource(Path path, String name, Path root) {
        this.path = Objects.requireNonNull(path);
        this.name = Objects.requireNonNull(name);
        this.root = root;
    }

    /**
     * This source, refusing to read through the name when it leads outside {@code root} ({@link Confinement}): checked
     * at every look, so a link retargeted outside later is refused too (reported as unreadable, and retried).
     */
    public FileTailSource confinedTo(Path root) {
        return new FileTailSource(path, name, Objects.requireNonNull(root));
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
        checkConfined();
        return keyOf(path);
    }

    /**
     * One {@code stat} of the name through its links: key, size and status-change time. Not confined: it reads no
     * content, and the follower checks the name properly (confinement included) whenever the stamp changes.
     */
    @Override
    public FileStamp stampAtName() {
        try {
            Map<String, Object> attributes = Files.readAttributes(path, "unix:fileKey,size,ctime,isRegularFile");
            Object key = attributes.get("fileKey");
            if (key == null || !Boolean.TRUE.equals(attributes.get("isRegularFile"))) {
                return null;
            }
            return new FileStamp(key, (Long) attributes.get("size"), ((FileTime) attributes.get("ctime")).toInstant());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null; // no such file, or no status-change time on this platform: every poll looks properly
        }
    }

    @Override
    public Handle open() throws IOException {
        checkConfined();
        return open(path);
    }

    private void checkConfined() throws IOException {
        if (root != null) {
            Path leadsTo = Confinement.outside(path, root);
            if (leadsTo != null) {
                throw new IOException(Confinement.describe(path, leadsTo, root));
            }
        }
    }

    @Override
    public List<Handle> openPartsAfter(Object key) throws IOException {
        TreeMap<Integer, Path> parts = parts();
        for (var part : parts.entrySet()) {
            if (key.equals(keyOf(part.getValue()))) {
                return openAll(parts.tailMap(part.getKey(), false));
            }
        }
        return List.of();
    }

    @Override
    public List<Handle> openParts() throws IOException {
        return openAll(parts());
    }

    /** The numbered parts next to the file the name refers to, by number. */
    private TreeMap<Integer, Path> parts() throws IOException {
        Path target = target();
        Path dir = target.toAbsolutePath().getParent();
        Pattern partName = LogLayout.partsOf(target.getFileName().toString());
        TreeMap<Integer, Path> parts = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Matcher m = partName.matcher(f.getFileName().toString());
                if (m.matches() && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    parts.put(Integer.parseInt(m.group(1)), f);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return parts;
        }
        return parts;
    }

    private static List<Handle> openAll(Map<Integer, Path> parts) throws IOException {
        List<Handle> out = new ArrayList<>();
        try {
            for (Path part : parts.values()) {
                Handle h = open(part);
                if (h != null) {
                    out.add(h);
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Handle h : out) {
                h.close();
            }
            throw e;
        }
        return out;
    }

    /** True where the platform gives file keys (without them the key is the path, and contents are compared). */
    @Override
    public boolean keysIdentifyOpenFiles() {
        return FILE_KEYS;
    }

    /** The name's directory and, through its links, the directory of the file it leads to. */
    @Override
    public java.util.Set<Path> watchDirectories() {
        java.util.Set<Path> dirs = new java.util.HashSet<>();
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            dirs.add(parent);
        }
        Path targetParent = target().toAbsolutePath().getParent();
        if (targetParent != null) {
            dirs.add(targetParent);
        }
        return dirs;
    }

    /** The file the name refers to through its symlinks, or the name itself when it refers to nothing. */
    private Path target() {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private static boolean fileKeys() {
        try {
            return Files.readAttributes(Path.of(System.getProperty("java.home")), BasicFileAttributes.class).fileKey() != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Object keyOf(Path p) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return null;
        }
        if (attributes.isDirectory()) {
            throw new IOException("is a directory");
        }
        if (!attributes.isRegularFile()) {
            // Opening a FIFO blocks until a writer comes, and would stop every other file being followed.
            throw new IOException("is not a regular file (a FIFO, socket or device); only regular files are read");
        }
        Object key = attributes.fileKey();
        return key != null ? key : p;
    }

    private static Handle open(Path p) throws IOException {
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            Object before = keyOf(p);
            if (before == null) {
                return null;
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(p, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                continue;
            }
            // Java cannot fstat a channel: a key seen both before and after the open is the key of what was opened.
            Object after = keyOf(p);
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
