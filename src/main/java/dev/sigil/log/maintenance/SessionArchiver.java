package dev.sigil.log.maintenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import dev.sigil.layout.LogLayout;
import dev.sigil.log.SafeFiles;

/**
 * Archives one session directory as {@code <date dir>/<id>.tar.gz} (commons-compress, docs/adr/0012): written to a
 * temporary sibling, fsynced, read back and checked, renamed into place, the directory fsynced; only then is the
 * session removed. Regular files only (a session holding a link is refused before this runs); the lock file stays out.
 */
final class SessionArchiver {

    private SessionArchiver() {
    }

    /** A name in {@code dateDir} for the session's archive that does not exist yet: {@code id.tar.gz}, then {@code id.2.tar.gz}, ... */
    static Path freeName(Path dateDir, String id) throws IOException {
        for (int n = 1; n < 10_000; n++) {
            Path candidate = dateDir.resolve(LogLayout.archiveName(id, n));
            if (!candidate.normalize().getParent().equals(dateDir.normalize())) {
                throw new IOException("archive name for '" + id + "' would leave " + dateDir);
            }
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
        throw new IOException("too many archives of session '" + id + "' in " + dateDir);
    }

    /** Writes the archive of {@code sessionDir} at {@code target} and verifies it; leaves the session in place. */
    static void write(Path sessionDir, Path target) throws IOException {
        String id = sessionDir.getFileName().toString();
        Map<String, Long> expected = new LinkedHashMap<>();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                SafeFiles.fileAttributes())) {
            try (OutputStream out = Channels.newOutputStream(ch);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                TarArchiveEntry dir = new TarArchiveEntry(id + "/");
                dir.setMode(040700);
                dir.setModTime(Files.getLastModifiedTime(sessionDir, LinkOption.NOFOLLOW_LINKS));
                tar.putArchiveEntry(dir);
                tar.closeArchiveEntry();
                for (Path f : files(sessionDir)) {
                    expected.put(id + "/" + f.getFileName(), add(tar, f, id));
                }
                tar.finish();
                out.flush();
                ch.force(true);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        verify(tmp, expected);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(tmp);
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        SafeFiles.fsyncDirectory(target.getParent());
    }

    /** The session's files to archive: regular files, sorted, without the lock file. */
    static List<Path> files(Path sessionDir) throws IOException {
        return SessionDirectories.list(sessionDir).stream()
                .filter(f -> !f.getFileName().toString().equals(LogLayout.LOCK))
                .toList();
    }

    private static long add(TarArchiveOutputStream tar, Path file, String id) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = in.size();
            TarArchiveEntry entry = new TarArchiveEntry(id + "/" + file.getFileName());
            entry.setSize(size);
            entry.setMode(0100600);
            entry.setModTime(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS));
            tar.putArchiveEntry(entry);
            try (InputStream data = Channels.newInputStream(in)) {
                long copied = data.transferTo(tar);
                if (copied != size) {
                    throw new IOException(file + " changed while it was archived (" + size + " bytes, read " + copied + ")");
                }
            }
            tar.closeArchiveEntry();
            return size;
        }
    }

    /** Reads the archive back: every file present with its size, nothing else. */
    private static void verify(Path archive, Map<String, Long> expected) throws IOException {
        Map<String, Long> found = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    found.put(e.getName(), tar.transferTo(OutputStream.nullOutputStream()));
                }
            }
        }
        if (!found.equals(expected)) {
            throw new IOException("the archive " + archive + " does not read back as written: " + found + " instead of " + expected);
        }
    }

    /** Removes the archived session: its files (never following links), then the directory. */
    static void remove(Path sessionDir) throws IOException {
        for (Path f : SessionDirectories.list(sessionDir)) {
            Files.delete(f);
        }
        Files.delete(sessionDir);
        SafeFiles.fsyncDirectory(sessionDir.getParent());
    }
}
