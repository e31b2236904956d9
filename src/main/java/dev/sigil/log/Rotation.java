package dev.sigil.log;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    public static int nextPart(Path sessionDir) throws IOException {
        int max = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(sessionDir)) {
            for (Path f : files) {
                OptionalInt n = LogLayout.rotatedNumber(f.getFileName().toString());
                if (n.isPresent()) {
                    max = Math.max(max, n.getAsInt());
                }
            }
        }
        if (max == 999_999_999) {
            throw new IOException("no rotation number left in " + sessionDir);
        }
        return max + 1;
    }

    /**
     * Renames the session's execution.jsonl to the next part (atomically, never over an existing file) and returns
     * the new path. Does not create the new execution.jsonl and does not fsync the directory.
     */
    public static Path renameToNextPart(Path sessionDir) throws IOException {
        Path log = sessionDir.resolve(LogLayout.EXECUTION_LOG);
        SafeFiles.refuseLink(log);
        Path target = sessionDir.resolve(LogLayout.rotatedName(nextPart(sessionDir)));
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        // rename(2) would silently replace an existing target; the check above and the lock rule that out.
        Files.move(log, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
