package dev.sigil.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a {@link SafeDirectory} reaches its entries: relative to the open directory ({@link SecureDirectoryStream},
 * openat(2) and friends) where the platform has it, else by path; never following a link. The one place that tells
 * the two apart. Every name is one path element ({@link #checked}).
 */
final class DirectoryAccess implements Closeable {

    private final Path path;
    /** The open directory; null where the platform cannot open relative to a directory (then by path). */
    private final SecureDirectoryStream<Path> handle;
    private final DirectoryStream<Path> plain;

    DirectoryAccess(Path path, DirectoryStream<Path> stream) {
        this.path = path;
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            this.handle = secure;
            this.plain = null;
        } else {
            this.handle = null;
            this.plain = stream;
        }
    }

    /** A view of the directory itself. */
    <V extends FileAttributeView> V self(Class<V> type) {
        return handle != null ? handle.getFileAttributeView(type) : Files.getFileAttributeView(path, type, LinkOption.NOFOLLOW_LINKS);
    }

    /** A view of the entry {@code name}, not following a link. */
    <V extends FileAttributeView> V view(String name, Class<V> type) {
        return handle != null ? handle.getFileAttributeView(Path.of(checked(name)), type, LinkOption.NOFOLLOW_LINKS)
                : Files.getFileAttributeView(path.resolve(checked(name)), type, LinkOption.NOFOLLOW_LINKS);
    }

    /** The child directory {@code name}, opened. */
    DirectoryStream<Path> child(String name) throws IOException {
        return handle != null ? handle.newDirectoryStream(Path.of(checked(name)), LinkOption.NOFOLLOW_LINKS)
                : Files.newDirectoryStream(path.resolve(checked(name)));
    }

    /** Every entry's name, sorted. */
    List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = handle != null ? handle.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS)
                : Files.newDirectoryStream(path)) {
            for (Path p : entries) {
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }

    SeekableByteChannel open(String name, Set<OpenOption> options, FileAttribute<?>[] attributes) throws IOException {
        return handle != null ? handle.newByteChannel(Path.of(checked(name)), options, attributes)
                : Files.newByteChannel(path.resolve(checked(name)), options, attributes);
    }

    /** The directory itself, opened to read (for fsync). */
    SeekableByteChannel openSelf() throws IOException {
        return handle != null ? handle.newByteChannel(Path.of("."), Set.of(StandardOpenOption.READ)) : FileChannel.open(path, StandardOpenOption.READ);
    }

    /** Renames atomically, replacing what is at {@code to}. */
    void move(String from, String to) throws IOException {
        if (handle != null) {
            handle.move(Path.of(checked(from)), handle, Path.of(checked(to)));
        } else {
            Files.move(path.resolve(checked(from)), path.resolve(checked(to)), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void deleteFile(String name) throws IOException {
        if (handle != null) {
            handle.deleteFile(Path.of(checked(name)));
        } else {
            Files.delete(path.resolve(checked(name)));
        }
    }

    void deleteDirectory(String name) throws IOException {
        if (handle != null) {
            handle.deleteDirectory(Path.of(checked(name)));
        } else {
            Files.delete(path.resolve(checked(name)));
        }
    }

    /** A name of this directory: one path element, never {@code .}, {@code ..} or absolute. */
    static String checked(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0
                || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a name inside a directory: '" + name + "'");
        }
        return name;
    }

    @Override
    public void close() throws IOException {
        if (handle != null) {
            handle.close();
        } else {
            plain.close();
        }
    }
}
