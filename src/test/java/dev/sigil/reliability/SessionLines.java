package dev.sigil.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.layout.LogLayout;

/** What a session directory holds, read as the oracle: every line of the rotated parts in order, then the live log. */
final class SessionLines {

    private SessionLines() {
    }

    /** The messages of every line of every part, oldest first; each file must end with a whole line. */
    static List<String> messages(Path sessionDir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(sessionDir)) {
            list.filter(f -> LogLayout.rotatedNumber(f.getFileName().toString()).isPresent()).forEach(files::add);
        }
        files.sort(Comparator.comparingInt(f -> LogLayout.rotatedNumber(f.getFileName().toString()).getAsInt()));
        files.add(sessionDir.resolve(LogLayout.EXECUTION_LOG));
        List<String> out = new ArrayList<>();
        PythonJsonReader reader = new PythonJsonReader();
        for (Path f : files) {
            if (!Files.exists(f)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(f);
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                throw new AssertionError(f + " ends with a partial line");
            }
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    out.add(reader.read(bytes, start, i).get("message").stringValue());
                    start = i + 1;
                }
            }
        }
        return out;
    }

    /** The number of rotated parts. */
    static long parts(Path sessionDir) throws IOException {
        try (Stream<Path> list = Files.list(sessionDir)) {
            return list.filter(f -> LogLayout.rotatedNumber(f.getFileName().toString()).isPresent()).count();
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
