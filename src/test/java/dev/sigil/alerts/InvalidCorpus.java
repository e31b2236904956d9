package dev.sigil.alerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Logs with lines that fail the contract among valid ones, for the {@code invalid_lines} metric: text that is not JSON,
 * a 4-64 KiB entry cut in the middle (a writer that died), a JSON array, and entries of 4-64 KiB (or small) that the
 * schema refuses (a component it does not know, a message that is a number); blank lines, errors and large valid
 * outputs around them. Each log's first line is valid; where its first bad line is, is known.
 */
final class InvalidCorpus {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final PythonJsonWriter JSON = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    final List<Path> files = new ArrayList<>();
    /** The 1-based line number of each log's first line that fails the contract, by file name. */
    final Map<String, Long> firstBad = new HashMap<>();
    /** How many lines of each kind were written: "json", "cut", "array", "schema". */
    final Map<String, Integer> kinds = new HashMap<>();

    private final Random random;

    private InvalidCorpus(long seed) {
        this.random = new Random(seed);
    }

    static InvalidCorpus write(Path dir, long seed) throws IOException {
        InvalidCorpus c = new InvalidCorpus(seed);
        c.session(dir.resolve("bad-a.jsonl"), "bad-a", LocalDateTime.of(2026, 3, 2, 9, 40, 0), 220);
        c.session(dir.resolve("bad-b.jsonl"), "bad-b", LocalDateTime.of(2026, 3, 2, 10, 5, 0), 160);
        return c;
    }

    private void session(Path file, String session, LocalDateTime start, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        LocalDateTime t = start;
        lines.add(entry(t, session, "session_start", "orchestrator", "start", null));
        while (lines.size() < count) {
            t = t.plusSeconds(5 + random.nextInt(60));
            int roll = random.nextInt(100);
            if (roll < 12) {
                lines.add(bad(t, session));
                firstBad.putIfAbsent(file.getFileName().toString(), (long) lines.size());
            } else if (roll < 15) {
                lines.add("");
            } else {
                String type = roll < 25 ? "step_error" : "step_complete";
                lines.add(entry(t, session, type, roll % 2 == 0 ? "reasoning" : "routing", type, random.nextInt(6) == 0 ? output() : null));
            }
        }
        Files.writeString(file, String.join("\n", lines) + "\n");
        files.add(file);
    }

    private String bad(LocalDateTime t, String session) {
        return switch (random.nextInt(5)) {
            case 0 -> count("json", "Traceback (most recent call last): worker " + random.nextInt(1000) + " died");
            case 1 -> {
                String whole = entry(t, session, "step_complete", "reasoning", "thought", output());
                yield count("cut", whole.substring(0, whole.length() / 2 + random.nextInt(whole.length() / 4)));
            }
            case 2 -> count("array", "[1, 2, \"three\"]");
            case 3 -> count("schema", entry(t, session, "step_complete", "telemetry", "an unknown component", output()));
            default -> {
                ObjectNode e = JsonNodeFactory.instance.objectNode().put("timestamp", SECONDS.format(t)).put("session_id", session)
                        .put("event_type", "step_complete").put("component", "routing").put("message", random.nextInt(100));
                yield count("schema", JSON.encodeToString(e));
            }
        };
    }

    private String count(String kind, String line) {
        kinds.merge(kind, 1, Integer::sum);
        return line;
    }

    /** A large model output: 4 to 64 KiB. */
    private String output() {
        return "y".repeat(4096 + random.nextInt(60 * 1024));
    }

    private static String entry(LocalDateTime t, String session, String type, String component, String message, String output) {
        ObjectNode e = JsonNodeFactory.instance.objectNode().put("timestamp", SECONDS.format(t)).put("session_id", session).put("event_type", type)
                .put("component", component).put("message", message).put("tokens", 0);
        if (output != null) {
            e.putObject("metadata").put("output", output);
        }
        return JSON.encodeToString(e);
    }
}
