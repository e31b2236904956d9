package dev.sigil.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;

/**
 * {@code current.jsonl}: a symbolic link to the active session's log, replaced atomically (a new link renamed over
 * the old one, so a reader never finds it missing). The target is relative, so the log directory can be moved. It
 * keeps pointing at the last session after that session closes.
 */
final class CurrentLink {

    private CurrentLink() {
    }

    static void point(LogLayout layout, SessionId id) throws IOException {
        Path link = layout.current();
        if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafePathException(link + " is a directory; remove it to get the current-session link");
        }
        Path target = LogLayout.relativeExecutionLog(id);
        Path tmp = layout.root().resolve("." + LogLayout.CURRENT + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        Files.createSymbolicLink(tmp, target);
        try {
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
