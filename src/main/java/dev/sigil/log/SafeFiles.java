package dev.sigil.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * File operations under the log directory with the safety rules of docs/logging.md: directories 0700, files 0600,
 * never through a symbolic link, fsync of the directory after a file appears or is renamed.
 */
public final class SafeFiles {

    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SafeFiles() {
    }

    /** Creates {@code root} and its missing parents (0700); returns its real path. The root itself may be a link. */
    public static Path ensureRoot(Path root) throws IOException {
        if (Files.exists(root)) {
            if (!Files.isDirectory(root)) {
                throw new IOException("log path " + root + " exists and is not a directory");
            }
        } else {
            if (POSIX) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
            } else {
                Files.createDirectories(root);
            }
        }
        return root.toRealPath();
    }

    /** Makes sure {@code dir} is a real directory (not a link), creating it 0700 if missing. */
    public static void ensureDirectory(Path dir) throws IOException {
        refuseLink(dir);
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafePathException(dir + " exists and is not a directory");
            }
            restrict(dir, DIRECTORY_MODE);
            return;
        }
        try {
            if (POSIX) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException raced) {
            ensureDirectory(dir);
        }
    }

    /** Refuses a symbolic link at {@code path}, naming its target. */
    public static void refuseLink(Path path) throws UnsafePathException {
        if (Files.isSymbolicLink(path)) {
            String target;
            try {
                target = Files.readSymbolicLink(path).toString();
            } catch (IOException e) {
                target = "?";
            }
            throw new UnsafePathException(path + " is a symbolic link (to " + target
                    + "); sigil never writes through links inside the log directory: remove it");
        }
    }

    /** Opens (creating 0600) a file to append to, refusing links, including one planted between check and open. */
    static FileChannel openAppend(ChannelOpener opener, Path file) throws IOException {
        refuseLink(file);
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS);
        FileChannel channel = opener.open(file, options, fileAttributes());
        restrict(file, FILE_MODE);
        return channel;
    }

    /** Creates a new file (0600), failing if anything exists at {@code file}. */
    static FileChannel createNew(ChannelOpener opener, Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS);
        return opener.open(file, options, fileAttributes());
    }

    /**
     * Replaces {@code file} with {@code bytes} so that a reader sees the old or the new content, never a mix: a
     * temporary sibling (0600), fsync, rename over the target (a link at the target is replaced, not followed),
     * fsync of the directory.
     */
    public static void writeAtomically(Path file, byte[] bytes, boolean fsync) throws IOException {
        Path dir = file.getParent();
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            try (FileChannel ch = createNew(ChannelOpener.DEFAULT, tmp)) {
                writeFully(ch, ByteBuffer.wrap(bytes));
                if (fsync) {
                    ch.force(true);
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp); // a full disk or a file size limit leaves no half-written sibling behind
            throw e;
        }
        if (fsync) {
            fsyncDirectory(dir);
        }
    }

    static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** Makes a new or renamed entry of {@code dir} durable (fsync(2) on the directory). */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            // Some platforms cannot open a directory as a file; on Linux and macOS this works.
            if (POSIX) {
                throw e;
            }
        }
    }

    /** Sets the mode if the file system has POSIX permissions and the mode differs. */
    public static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(mode)) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    /** The attributes of a new file: mode 0600 where the file system has POSIX permissions. */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
    }
}
