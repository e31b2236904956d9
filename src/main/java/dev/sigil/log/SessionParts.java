package dev.sigil.log;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.sigil.layout.LogLayout;

/** The files that make one session's log, in the order they were written: the rotated parts, oldest first, then the live file. */
public final class SessionParts {

    private SessionParts() {
    }

    /** The parts in {@code sessionDirectory} (none when it holds no log). */
    public static List<Path> of(Path sessionDirectory) throws IOException {
        List<Path> parts = new ArrayList<>(rotated(sessionDirectory).values());
        Path live = sessionDirectory.resolve(LogLayout.EXECUTION_LOG);
        if (Files.exists(live)) {
            parts.add(live);
        }
        return parts;
    }

    /** The rotated parts, by number. */
    static Map<Integer, Path> rotated(Path sessionDirectory) throws IOException {
        Map<Integer, Path> parts = new TreeMap<>();
        if (!Files.isDirectory(sessionDirectory)) {
            return parts;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(sessionDirectory)) {
            for (Path f : files) {
                LogLayout.rotatedNumber(f.getFileName().toString()).ifPresent(n -> parts.put(n, f));
            }
        }
        return parts;
    }
}
