package dev.sigil.log.maintenance;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;

/** Listing the session directories and their files without ever following a link. */
final class SessionDirectories {

    private SessionDirectories() {
    }

    /** Every entry of {@code dir}, sorted by name. */
    static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    /** Why {@code entry} of sessions/ is not a session directory sigil may touch, or empty if it is one. */
    static Optional<String> notASession(Path entry) {
        if (Files.isSymbolicLink(entry)) {
            return Optional.of("a symbolic link; not followed");
        }
        if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("not a directory");
        }
        if (!SessionId.isValid(entry.getFileName().toString())) {
            return Optional.of("not a valid session id");
        }
        return Optional.empty();
    }

    /** The first entry of a session directory that is not a regular file (a link, a directory, a device), if any. */
    static Optional<Path> irregular(Path sessionDir) throws IOException {
        for (Path f : list(sessionDir)) {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** When the session last changed: the newest modification time of its files (the lock file aside). */
    static FileTime lastActivity(Path sessionDir) throws IOException {
        FileTime newest = Files.readAttributes(sessionDir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).lastModifiedTime();
        boolean anyFile = false;
        for (Path f : list(sessionDir)) {
            if (f.getFileName().toString().equals(LogLayout.LOCK)) {
                continue;
            }
            FileTime t = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).lastModifiedTime();
            newest = anyFile && t.compareTo(newest) <= 0 ? newest : t;
            anyFile = true;
        }
        return newest;
    }
}
