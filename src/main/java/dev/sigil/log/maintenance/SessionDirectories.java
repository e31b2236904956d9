package dev.sigil.log.maintenance;

import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.log.SafeDirectory;

/** Looking at session directories and their files through their checked handles, never following a link. */
final class SessionDirectories {

    private SessionDirectories() {
    }

    /** Why the entry {@code name} of sessions/ is not a session directory sigil may touch, or empty if it is one. */
    static Optional<String> notASession(SafeDirectory sessions, String name) throws IOException {
        Optional<BasicFileAttributes> a = sessions.attributes(name);
        if (a.isEmpty()) {
            return Optional.of("gone");
        }
        if (a.get().isSymbolicLink()) {
            return Optional.of("a symbolic link; not followed");
        }
        if (!a.get().isDirectory()) {
            return Optional.of("not a directory");
        }
        if (!SessionId.isValid(name)) {
            return Optional.of("not a valid session id");
        }
        return Optional.empty();
    }

    /** The first entry of a session directory that is not a regular file (a link, a directory, a device), if any. */
    static Optional<String> irregular(SafeDirectory session) throws IOException {
        for (String name : session.names()) {
            Optional<BasicFileAttributes> a = session.attributes(name);
            if (a.isPresent() && !a.get().isRegularFile()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** When the session last changed: the newest modification time of its files (the lock file aside), else the directory's. */
    static FileTime lastActivity(SafeDirectory session) throws IOException {
        FileTime newest = null;
        for (String name : session.names()) {
            if (name.equals(LogLayout.LOCK)) {
                continue;
            }
            Optional<BasicFileAttributes> a = session.attributes(name);
            if (a.isPresent() && (newest == null || a.get().lastModifiedTime().compareTo(newest) > 0)) {
                newest = a.get().lastModifiedTime();
            }
        }
        if (newest != null) {
            return newest;
        }
        return java.nio.file.Files.getLastModifiedTime(session.path(), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }
}
