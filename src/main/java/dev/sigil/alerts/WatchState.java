package dev.sigil.alerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.EventTime;
import dev.sigil.log.SafeDirectory;
import tools.jackson.databind.JsonNode;

/**
 * What {@code sigil alerts watch} keeps beside a log ({@code alerts.state.json}): how many of its lines' alerts were
 * delivered, and the timestamp of the line that last fired each rule. One JSON object:
 * {@code {"log": NAME, "lines": N, "merged": M, "fired": {RULE: TIMESTAMP, ...}}} ({@code merged} only when some
 * rule is over all sessions).
 *
 * @param lines lines whose alerts of the rules of each session were delivered
 * @param merged lines whose alerts of the rules over all sessions were delivered (those wait for the other logs:
 *        docs/alerts.md §3); negative: as many as {@code lines}
 * @param fired each rule's last firing line's timestamp, by rule name
 */
public record WatchState(long lines, long merged, Map<String, String> fired) {

    /** No line delivered yet. */
    public static final WatchState NONE = new WatchState(0, -1, Map.of());

    public WatchState {
        fired = Map.copyOf(fired);
    }

    /**
     * The state in {@code file}; {@link #NONE} when there is none, or when it was cut short (its alerts are then
     * delivered again rather than lost).
     */
    public static WatchState read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            JsonNode root = new PythonJsonReader().read(Files.readAllBytes(file));
            JsonNode lines = root.path("lines");
            Map<String, String> fired = new LinkedHashMap<>();
            root.path("fired").properties().forEach(e -> fired.put(e.getKey(), e.getValue().asString("")));
            JsonNode merged = root.path("merged");
            return new WatchState(lines.canConvertToLong() ? Math.max(0, lines.longValue()) : 0,
                    merged.canConvertToLong() ? Math.max(0, merged.longValue()) : -1, fired);
        } catch (JsonSyntaxException e) {
            return NONE;
        }
    }

    /** This state with {@code a} delivered. */
    WatchState firing(Alert a) {
        Map<String, String> next = new TreeMap<>(fired);
        next.put(a.rule().name(), a.timestamp());
        return new WatchState(lines, merged, next);
    }

    /** Lines whose alerts of the rules over all sessions were delivered. */
    long mergedLines() {
        return merged < 0 ? lines : merged;
    }

    WatchState withLines(long n, long m) {
        return new WatchState(n, m, fired);
    }

    /** Writes the state for the log named {@code log} to {@code file}, atomically (a reader sees the old or the new). */
    void write(Path file, String log) throws IOException {
        StringBuilder s = new StringBuilder("{\"log\":").append(AlertText.string(log)).append(",\"lines\":").append(lines)
                .append(merged < 0 ? "" : ",\"merged\":" + merged).append(",\"fired\":{");
        new TreeMap<>(fired).forEach((rule, ts) -> s.append(s.charAt(s.length() - 1) == '{' ? "" : ",").append(AlertText.string(rule)).append(':')
                .append(AlertText.string(ts)));
        // through the log tree's safety rules (ADR 0080): the directory checked, the file replaced, never a link followed
        try (SafeDirectory dir = SafeDirectory.existingRoot(file.toAbsolutePath().getParent())) {
            dir.replace(file.getFileName().toString(), s.append("}}\n").toString().getBytes(StandardCharsets.UTF_8), false);
        }
    }

    /** The later of two timestamps of lines (by their time where both are readable, else the longer text). */
    public static String later(String a, String b) {
        EventTime x = EventTime.parse(a);
        EventTime y = EventTime.parse(b);
        if (x != null && y != null) {
            return y.micros() > x.micros() ? b : a;
        }
        return x != null ? a : y != null ? b : a.compareTo(b) >= 0 ? a : b;
    }
}
