package dev.sigil.log.maintenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import dev.sigil.layout.LogLayout;
import dev.sigil.log.SafeDirectory;

/**
 * Archives one session directory as {@code <date dir>/<id>.tar.gz} (commons-compress, docs/adr/0012): written under
 * a temporary name, fsynced, read back and checked file by file (size and SHA-256), renamed into place, the directory
 * fsynced. Then only the files the archive verifiably holds are removed: a file is removed when it still has the
 * size and digest it has in the archive; a file written or created meanwhile stays, and is reported. Regular files
 * only (a session holding a link is refused before this runs); the lock file stays out of the archive.
 */
final class SessionArchiver {

    /** What the archive holds of one file. */
    record Held(long size, byte[] sha256) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Held h && h.size == size && Arrays.equals(h.sha256, sha256);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(size) * 31 + Arrays.hashCode(sha256);
        }
    }

    /** A file left in the session directory after archiving, and why. */
    record Kept(String name, String reason) {
    }

    private SessionArchiver() {
    }

    /** A name in {@code day} for the session's archive that does not exist yet: {@code id.tar.gz}, then {@code id.2.tar.gz}, ... */
    static String freeName(SafeDirectory day, String id) throws IOException {
        for (int n = 1; n < 10_000; n++) {
            String candidate = LogLayout.archiveName(id, n);
            if (!day.exists(candidate)) {
                return candidate;
            }
        }
        throw new IOException("too many archives of session '" + id + "' in " + day.path());
    }

    /** Writes the archive of {@code session} as {@code day/target} and verifies it; returns what it holds, by file name. */
    static Map<String, Held> write(SafeDirectory session, String id, SafeDirectory day, String target) throws IOException {
        Map<String, Held> held = new LinkedHashMap<>();
        String tmp = LogLayout.temporaryName(target);
        day.deleteIfExists(tmp);
        try (FileChannel ch = day.create(tmp)) {
            try (OutputStream out = Channels.newOutputStream(ch);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                TarArchiveEntry dir = new TarArchiveEntry(id + "/");
                dir.setMode(040700);
                dir.setModTime(SessionDirectories.lastActivity(session));
                tar.putArchiveEntry(dir);
                tar.closeArchiveEntry();
                for (String name : files(session)) {
                    held.put(name, add(tar, session, name, id));
                }
                tar.finish();
                out.flush();
                ch.force(true);
            }
        } catch (IOException | RuntimeException e) {
            day.deleteIfExists(tmp);
            throw e;
        }
        verify(day, tmp, id, held);
        if (day.exists(target)) {
            day.deleteIfExists(tmp);
            throw new FileAlreadyExistsException(day.resolve(target).toString());
        }
        day.rename(tmp, target);
        day.fsync();
        return held;
    }

    /** The session's files to archive: sorted, without the lock file. */
    static List<String> files(SafeDirectory session) throws IOException {
        return session.names().stream().filter(n -> !n.equals(LogLayout.LOCK)).toList();
    }

    private static Held add(TarArchiveOutputStream tar, SafeDirectory session, String name, String id) throws IOException {
        try (FileChannel in = session.read(name)) {
            long size = in.size();
            BasicFileAttributes a = session.attributes(name).orElseThrow();
            TarArchiveEntry entry = new TarArchiveEntry(id + "/" + name);
            entry.setSize(size);
            entry.setMode(0100600);
            entry.setModTime(a.lastModifiedTime());
            tar.putArchiveEntry(entry);
            MessageDigest digest = sha256();
            try (InputStream data = new DigestInputStream(new BoundedInput(in, size), digest)) {
                long copied = data.transferTo(tar);
                if (copied != size) {
                    throw new IOException(session.resolve(name) + " shrank while it was archived (" + size + " bytes, read " + copied + ")");
                }
            }
            tar.closeArchiveEntry();
            return new Held(size, digest.digest());
        }
    }

    /** Reads the archive back: every file present with its size and digest, nothing else. */
    private static void verify(SafeDirectory day, String archive, String id, Map<String, Held> expected) throws IOException {
        Map<String, Held> found = new LinkedHashMap<>();
        try (FileChannel ch = day.read(archive);
             InputStream in = Channels.newInputStream(ch);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    MessageDigest digest = sha256();
                    long size = new DigestInputStream(tar, digest).transferTo(OutputStream.nullOutputStream());
                    found.put(e.getName().startsWith(id + "/") ? e.getName().substring(id.length() + 1) : e.getName(),
                            new Held(size, digest.digest()));
                }
            }
        }
        if (!found.equals(expected)) {
            throw new IOException("the archive " + day.resolve(archive) + " does not read back as written (" + found.keySet()
                    + " instead of " + expected.keySet() + ", or other bytes)");
        }
    }

    /**
     * Removes from {@code session} the files {@code held} says the archive holds, each only if it still has the size
     * and digest it has there (checked right before the removal, and its open handle looked at again after it: bytes
     * that came in between are put back). Then, if nothing else is left, the lock file and the directory. Returns
     * what was left, with the reason.
     */
    static List<Kept> removeArchived(SafeDirectory sessions, SafeDirectory session, String id, Map<String, Held> held) throws IOException {
        List<Kept> kept = new ArrayList<>();
        for (String name : files(session)) {
            Held archived = held.get(name);
            if (archived == null) {
                kept.add(new Kept(name, "created while the session was being archived: not in the archive; left in place"));
                continue;
            }
            try (FileChannel ch = session.read(name)) {
                if (!digestOf(ch, Long.MAX_VALUE).equals(archived)) {
                    kept.add(new Kept(name, "written while the session was being archived: the archive holds an older copy; left in place"));
                    continue;
                }
                session.delete(name);
                if (ch.size() != archived.size()) {
                    putBack(session, name, ch);
                    kept.add(new Kept(name, "written while it was being removed: put back; left in place"));
                }
            }
        }
        if (kept.isEmpty()) {
            session.deleteIfExists(LogLayout.LOCK);
            sessions.deleteDirectory(id);
            sessions.fsync();
        } else {
            session.fsync();
        }
        return kept;
    }

    private static void putBack(SafeDirectory session, String name, FileChannel from) throws IOException {
        try (FileChannel to = session.create(name)) {
            long size = from.size();
            for (long pos = 0; pos < size; ) {
                pos += from.transferTo(pos, size - pos, to);
            }
            to.force(true);
        }
    }

    private static Held digestOf(FileChannel ch, long limit) throws IOException {
        MessageDigest digest = sha256();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long size = 0;
        while (size < limit) {
            buf.clear();
            int n = ch.read(buf, size);
            if (n <= 0) {
                break;
            }
            digest.update(buf.array(), 0, n);
            size += n;
        }
        return new Held(size, digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The first {@code size} bytes of a channel, from byte 0: what the archive entry declared, even if the file grows. */
    private static final class BoundedInput extends InputStream {
        private final FileChannel ch;
        private final long size;
        private long pos;

        BoundedInput(FileChannel ch, long size) {
            this.ch = ch;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= size) {
                return -1;
            }
            int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, size - pos)), pos);
            if (n > 0) {
                pos += n;
            }
            return n;
        }
    }
}
