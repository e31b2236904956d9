package dev.sigil.log;

import java.io.IOException;

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

    static void point(SafeDirectory root, SessionId id) throws IOException {
        root.pointLink(LogLayout.CURRENT, LogLayout.relativeExecutionLog(id));
    }
}
