package dev.sigil.log;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.OptionalInt;

import dev.sigil.layout.LogLayout;

/**
 * The rename step of rotation, shared by the logger and {@code sigil logs rotate}: {@code execution.jsonl} becomes
 * {@code execution.<n>.jsonl} with n one more than any existing part, so names only ever count up and a reader can
 * order the parts without looking at times. The caller holds the session lock, so nobody else renames meanwhile.
 */
public final class Rotation {

    private Rotation() {
    }

    /** The next free part number in {@code sessionDir}. */
    public static int nextPart(SafeDirectory sessionDir) throws IOException {
        int max = 0;
        for (String name : sessionDir.names()) {
            OptionalInt n = LogLayout.rotatedNumber(name);
            if (n.isPresent()) {
                max = Math.max(max, n.getAsInt());
            }
        }
        if (max == 999_999_999) {
            throw new IOException("no rotation number left in " + sessionDir.path());
        }
        return max + 1;
    }

    /**
     * Renames the session's execution.jsonl to the next part (atomically, never over an existing file) and returns
     * the new path. Does not create the new execution.jsonl and does not fsync the directory.
     */
    public static Path renameToNextPart(SafeDirectory sessionDir) throws IOException {
        if (sessionDir.attributes(LogLayout.EXECUTION_LOG).map(a -> a.isSymbolicLink()).orElse(false)) {
            throw new UnsafePathException(sessionDir.resolve(LogLayout.EXECUTION_LOG) + " is a symbolic link; sigil never rotates through links");
        }
        String target = LogLayout.rotatedName(nextPart(sessionDir));
        if (sessionDir.exists(target)) {
            throw new FileAlreadyExistsException(sessionDir.resolve(target).toString());
        }
        // rename(2) would silently replace an existing target; the check above and the lock rule that out.
        sessionDir.rename(LogLayout.EXECUTION_LOG, target);
        return sessionDir.resolve(target);
    }
}
