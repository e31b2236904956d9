package dev.sigil.remote.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.TreeMap;

import dev.sigil.layout.LogLayout;

/** A session's log as one byte string: its rotated parts by number, then execution.jsonl (what the stream's offsets count). */
final class SessionBytes {

    private SessionBytes() {
    }

    static byte[] of(Path sessionDirectory) throws IOException {
        TreeMap<Integer, Path> parts = new TreeMap<>();
        try (var files = Files.list(sessionDirectory)) {
            for (Path f : files.toList()) {
                OptionalInt n = LogLayout.rotatedNumber(f.getFileName().toString());
                if (n.isPresent()) {
                    parts.put(n.getAsInt(), f);
                }
            }
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path p : parts.values()) {
            all.write(Files.readAllBytes(p));
        }
        Path active = sessionDirectory.resolve(LogLayout.EXECUTION_LOG);
        if (Files.exists(active)) {
            all.write(Files.readAllBytes(active));
        }
        return all.toByteArray();
    }
}
