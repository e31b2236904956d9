package dev.sigil.monitor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds execution-entry lines as CPython writes them, and decodes lines the way the monitor does. */
public final class Lines {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final PythonJsonWriter WRITER = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
    private static final PythonJsonReader READER = new PythonJsonReader();

    private Lines() {
    }

    /** One execution entry line (no newline); {@code latencyMs} NaN leaves metadata.latency_ms out. */
    public static String entry(String timestamp, String session, String eventType, String component, String message,
                               long tokens, double latencyMs) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("timestamp", timestamp);
        n.put("session_id", session);
        n.put("event_type", eventType);
        n.put("component", component);
        n.put("message", message);
        n.put("tokens", tokens);
        ObjectNode meta = n.putObject("metadata");
        if (!Double.isNaN(latencyMs)) {
            meta.put("latency_ms", latencyMs);
        }
        return WRITER.encodeToString(n);
    }

    /** A {@code session_start} line with a budget. */
    public static String start(String timestamp, String session, long budget) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("timestamp", timestamp);
        n.put("session_id", session);
        n.put("event_type", "session_start");
        n.put("component", "orchestrator");
        n.put("message", "Session started");
        n.put("tokens", 0);
        n.putObject("metadata").put("budget", budget).put("task", "demo");
        return WRITER.encodeToString(n);
    }

    public static LogEvent decode(String line) {
        JsonNode node = READER.read(line.getBytes(StandardCharsets.UTF_8));
        return LogEventDecoder.decode(node);
    }

    public static List<LogEvent> decodeAll(String text) {
        List<LogEvent> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(decode(line));
            }
        }
        return out;
    }
}
