package dev.sigil.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.sigil.layout.LogLayout;

/**
 * A directory of the log tree, opened once and checked ({@link Ownership}: the user's, no one else may write in it,
 * not a link), through which every file in it is opened, created, renamed and removed, relative to the open handle
 * ({@link SecureDirectoryStream}, openat(2) and friends, where the platform has it): once checked, a directory
 * swapped for a link to elsewhere cannot redirect a write. A file is refused when it is a link, not a regular file,
 * not the user's or has more than one name. New directories are 0700 and new files 0600 whatever the umask; existing
 * ones are tightened to that. The one home of these rules for every writer under the log root (the logger, the
 * orchestrator's outputs, {@code sigil logs}): ADR 0080. How an entry is reached, relative to the handle or by path, is
 * {@link DirectoryAccess}'s. Thread-safe.
 */
public final class SafeDirectory implements Closeable {

    private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    private static final Set<OpenOption> UPDATE = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ);

    private final Path path;
    /** The open directory, or its path where the platform cannot open relative to a directory. */
    private final DirectoryAccess access;
    private final Ownership rule;
    /**
     * The identity of the file at each name once its number of names was found to be 1 (Java reads that number by
     * path only, and the path may no longer lead here: the directory moved); the same file at the same name later
     * needs no new look by path.
     */
    private final Map<String, Object> singleNamed = new java.util.concurrent.ConcurrentHashMap<>();

    private SafeDirectory(Path path, DirectoryStream<Path> stream, Ownership rule) {
        this.path = path;
        this.rule = rule;
        this.access = new DirectoryAccess(path, stream);
    }

    /**
     * The log root, created with its missing parents (0700) if need be, then opened and checked. The root itself may
     * be a link (to a directory that passes the check); its parents are not checked.
     */
    public static SafeDirectory root(Path root) throws IOException {
        if (!Files.exists(root)) {
            try {
                Files.createDirectories(root, FileModes.directory());
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile: checked below like any other
            }
        }
        return existingRoot(root);
    }

    /** An existing directory opened as a root and checked (for {@code sigil logs}, and tests). */
    public static SafeDirectory existingRoot(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(Files.exists(root) ? "log path " + root + " exists and is not a directory"
                    : "log path " + root + " does not exist");
        }
        Path real = root.toRealPath();
        SafeDirectory d = new SafeDirectory(real, Files.newDirectoryStream(real), Ownership.ofCurrentUser());
        try {
            d.checkSelf(false);
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    /** The directory's path when it was opened (for messages; operations go through the handle). */
    public Path path() {
        return path;
    }

    /** {@code path().resolve(name)}: for messages. */
    public Path resolve(String name) {
        return path.resolve(DirectoryAccess.checked(name));
    }

    /** The child directory {@code name}, created (0700) if missing, opened and checked, tightened to 0700. */
    public SafeDirectory directory(String name) throws IOException {
        if (attributes(name).isEmpty()) {
            try {
                Files.createDirectory(resolve(name), FileModes.directory());
            } catch (FileAlreadyExistsException raced) {
                // checked below
            }
        }
        return openChild(name, true);
    }

    /** The existing child directory {@code name}, opened and checked (not changed); empty if there is none. */
    public Optional<SafeDirectory> existingDirectory(String name) throws IOException {
        return attributes(name).isEmpty() ? Optional.empty() : Optional.of(openChild(name, false));
    }

    private SafeDirectory openChild(String name, boolean tighten) throws IOException {
        BasicFileAttributes a = attributes(name).orElseThrow(() -> new NoSuchFileException(resolve(name).toString()));
        if (a.isSymbolicLink()) {
            throw linkRefused(name);
        }
        if (!a.isDirectory()) {
            throw new UnsafePathException(resolve(name) + " exists and is not a directory");
        }
        SafeDirectory child = new SafeDirectory(resolve(name), access.child(name), rule);
        try {
            child.checkSelf(tighten);
        } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
        }
        return child;
    }

    private void checkSelf(boolean tighten) throws IOException {
        if (!FileModes.POSIX) {
            return;
        }
        PosixFileAttributeView view = access.self(PosixFileAttributeView.class);
        PosixFileAttributes self = view.readAttributes();
        rule.checkDirectory(path, self);
        if (tighten && !self.permissions().equals(FileModes.DIRECTORY_MODE)) {
            view.setPermissions(FileModes.DIRECTORY_MODE);
        }
    }

    /** The entry {@code name}, not following a link (POSIX attributes where the platform has them); empty if none. */
    public Optional<BasicFileAttributes> attributes(String name) throws IOException {
        Class<? extends BasicFileAttributeView> type = FileModes.POSIX ? PosixFileAttributeView.class : BasicFileAttributeView.class;
        try {
            return Optional.of(access.view(name, type).readAttributes());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    public boolean exists(String name) throws IOException {
        return attributes(name).isPresent();
    }

    /** The identity (device and inode) of the entry {@code name}, or null if there is none. */
    public Object keyOf(String name) throws IOException {
        return attributes(name).map(BasicFileAttributes::fileKey).orElse(null);
    }

    /** Every entry's name, sorted. */
    public List<String> names() throws IOException {
        return access.names();
    }

    /** Opens {@code name} to append to, creating it (0600) if missing. */
    public FileChannel append(String name) throws IOException {
        return open(name, APPEND, ChannelOpener.DEFAULT);
    }

    FileChannel append(String name, ChannelOpener opener) throws IOException {
        return open(name, APPEND, opener);
    }

    /** Creates {@code name} (0600) to write to; fails if anything is there. */
    public FileChannel create(String name) throws IOException {
        return open(name, CREATE_NEW, ChannelOpener.DEFAULT);
    }

    FileChannel createNew(String name, ChannelOpener opener) throws IOException {
        return open(name, CREATE_NEW, opener);
    }

    /** Opens {@code name} to read and write anywhere in it, creating it (0600) if missing. */
    public FileChannel update(String name) throws IOException {
        return open(name, UPDATE, ChannelOpener.DEFAULT);
    }

    /** Opens the existing file {@code name} to read it (checked like a file to write: a file of sigil's own). */
    public FileChannel read(String name) throws IOException {
        return open(name, READ, ChannelOpener.DEFAULT);
    }

    /** Opens an existing file to write (no creation, no append): for probing a lock without making its file. */
    FileChannel writeExisting(String name) throws IOException {
        return open(name, Set.of(StandardOpenOption.WRITE), ChannelOpener.DEFAULT);
    }

    /**
     * Every open goes through here: refuses a link or a non-regular file before opening (a FIFO would block the
     * open), opens relative to the handle without following a link, then checks what is at the name now (the
     * directory is the user's alone, so it is what was opened): owner, number of names, mode tightened to 0600.
     */
    private FileChannel open(String name, Set<OpenOption> options, ChannelOpener opener) throws IOException {
        Optional<BasicFileAttributes> before = attributes(name);
        if (before.isPresent()) {
            refuseUnlessRegular(name, before.get());
        }
        Set<OpenOption> o = new HashSet<>(options);
        o.add(LinkOption.NOFOLLOW_LINKS);
        boolean creates = o.contains(StandardOpenOption.CREATE) || o.contains(StandardOpenOption.CREATE_NEW);
        FileAttribute<?>[] attrs = creates ? FileModes.file() : new FileAttribute<?>[0];
        SeekableByteChannel raw = access.open(name, o, attrs);
        if (!(raw instanceof FileChannel channel)) {
            raw.close();
            throw new IOException("cannot open " + resolve(name) + " as a file");
        }
        try {
            BasicFileAttributes after = attributes(name).orElseThrow(() -> new NoSuchFileException(resolve(name).toString()));
            refuseUnlessRegular(name, after);
            if (after instanceof PosixFileAttributes posix) {
                Object key = after.fileKey();
                // a file this open created has one name; one found so before at this name is that same file
                boolean known = before.isEmpty() || key != null && key.equals(singleNamed.get(name));
                rule.checkFile(resolve(name), posix, known ? 1 : links(name, after));
                if (key != null) {
                    singleNamed.put(name, key);
                }
                if (!o.contains(StandardOpenOption.READ) || o.contains(StandardOpenOption.WRITE)) {
                    tighten(name, posix);
                }
            }
            return opener.wrap(name, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void refuseUnlessRegular(String name, BasicFileAttributes a) throws UnsafePathException {
        if (a.isSymbolicLink()) {
            throw linkRefused(name);
        }
        if (!a.isRegularFile()) {
            throw new UnsafePathException(resolve(name) + " is " + (a.isDirectory() ? "a directory" : "not a regular file (a FIFO, socket or device)")
                    + "; sigil writes only regular files of its own there: move it away");
        }
    }

    private UnsafePathException linkRefused(String name) {
        String target;
        try {
            target = Files.readSymbolicLink(resolve(name)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            target = "?";
        }
        return new UnsafePathException(resolve(name) + " is a symbolic link (to " + target
                + "); sigil never writes through links inside the log directory: remove it");
    }

    /**
     * The number of names of the file at {@code name}. Java reads it only by path: the path's file is compared with
     * the one at the name in the handle, so a path leading elsewhere cannot vouch for it (and the file is refused).
     */
    private long links(String name, BasicFileAttributes atName) throws IOException {
        Map<String, Object> byPath;
        try {
            byPath = Files.readAttributes(resolve(name), "unix:nlink,fileKey", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1; // no link counts on this platform
        }
        if (atName.fileKey() == null || !atName.fileKey().equals(byPath.get("fileKey"))) {
            throw new UnsafePathException(resolve(name) + " changed while it was being checked (is the log directory being moved?)");
        }
        return ((Number) byPath.get("nlink")).longValue();
    }

    private void tighten(String name, PosixFileAttributes a) throws IOException {
        if (!a.permissions().equals(FileModes.FILE_MODE)) {
            access.view(name, PosixFileAttributeView.class).setPermissions(FileModes.FILE_MODE);
        }
    }

    /**
     * Replaces {@code name} with {@code bytes} so that a reader sees the old or the new content, never a mix: a
     * temporary sibling (0600), fsync, rename over the target (a link there is replaced, not followed), fsync of the
     * directory; when that fails, the sibling is removed.
     */
    public void replace(String name, byte[] bytes, boolean fsync) throws IOException {
        String tmp = LogLayout.temporaryName(name);
        deleteIfExists(tmp);
        try {
            try (FileChannel ch = createNew(tmp, ChannelOpener.DEFAULT)) {
                writeFully(ch, ByteBuffer.wrap(bytes));
                if (fsync) {
                    ch.force(true);
                }
            }
            rename(tmp, name);
        } catch (IOException e) {
            deleteIfExists(tmp); // a full disk or a file size limit leaves no half-written sibling behind
            throw e;
        }
        if (fsync) {
            fsync();
        }
    }

    /** Makes {@code name} a symbolic link to {@code target}, atomically (a new link renamed over the old one). */
    void pointLink(String name, Path target) throws IOException {
        Optional<BasicFileAttributes> now = attributes(name);
        if (now.isPresent() && now.get().isDirectory()) {
            throw new UnsafePathException(resolve(name) + " is a directory; remove it to get the link " + name);
        }
        String tmp = "." + name + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp";
        // Java makes links by path only; the rename that puts it in place goes through the handle.
        Files.createSymbolicLink(resolve(tmp), target);
        try {
            rename(tmp, name);
        } catch (IOException e) {
            deleteIfExists(tmp);
            throw e;
        }
    }

    /** Sets the modification time of the file {@code name} (not following a link). */
    public void setModified(String name, java.nio.file.attribute.FileTime time) throws IOException {
        access.view(name, BasicFileAttributeView.class).setTimes(time, null, null);
    }

    /** Renames {@code from} to {@code to} in this directory, atomically; replaces what is at {@code to}. */
    public void rename(String from, String to) throws IOException {
        access.move(from, to);
    }

    /** Removes the file (or link) {@code name}, never what a link leads to. */
    public void delete(String name) throws IOException {
        access.deleteFile(name);
    }

    public boolean deleteIfExists(String name) throws IOException {
        try {
            delete(name);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Removes the empty directory {@code name}. */
    public void deleteDirectory(String name) throws IOException {
        access.deleteDirectory(name);
    }

    /** Makes a new or renamed entry of this directory durable (fsync(2) on the directory). */
    public void fsync() throws IOException {
        SeekableByteChannel ch;
        try {
            ch = access.openSelf();
        } catch (IOException e) {
            if (FileModes.POSIX) {
                throw e;
            }
            return; // some platforms cannot open a directory as a file
        }
        try (ch) {
            if (ch instanceof FileChannel f) {
                f.force(true);
            }
        }
    }

    static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    @Override
    public void close() throws IOException {
        access.close();
    }
}
