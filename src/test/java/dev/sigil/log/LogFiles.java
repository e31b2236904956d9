package dev.sigil.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.layout.LogLayout;
import tools.jackson.databind.JsonNode;

/** Reading what the logger wrote, the way a reader would: complete lines only, parsed by the CPython-exact reader. */
final class LogFiles {

    private LogFiles() {
    }

    static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError(file + " ends with a partial line: " + text.substring(text.lastIndexOf('\n') + 1));
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    static List<JsonNode> records(Path file) throws IOException {
        PythonJsonReader reader = new PythonJsonReader();
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines(file)) {
            out.add(reader.read(line.getBytes(StandardCharsets.US_ASCII)));
        }
        return out;
    }

    /** Every line of the session's log, rotated parts first (oldest to newest), then execution.jsonl. */
    static List<String> allLines(Path sessionDir) throws IOException {
        List<Path> parts = new ArrayList<>();
        try (var files = Files.list(sessionDir)) {
            files.filter(f -> LogLayout.rotatedNumber(f.getFileName().toString()).isPresent()).forEach(parts::add);
        }
        parts.sort(java.util.Comparator.comparingInt(f -> LogLayout.rotatedNumber(f.getFileName().toString()).getAsInt()));
        List<String> out = new ArrayList<>();
        for (Path p : parts) {
            out.addAll(lines(p));
        }
        out.addAll(lines(sessionDir.resolve(LogLayout.EXECUTION_LOG)));
        return out;
    }
}
