package dev.sigil.orchestrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.LineSplitter;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.log.SessionParts;
import tools.jackson.databind.JsonNode;

/**
 * Where an interrupted session stands: the steps whose {@code step_complete} is in its log (with their tokens and
 * latency) and whose output was kept, and the tokens its log holds. Read before a {@code --resume}; rotated parts of
 * the log are read too.
 *
 * <p>The tokens already spent are those of every line, by component, not those of the completed steps: a step run
 * twice (the contract check's retry runs the checked step again) has two {@code step_complete} lines, and a step
 * whose output was not kept is run again although its first run's tokens are in the log. Either way the sum over
 * the log must stay the session's total (docs/contract.md §4).
 *
 * @param done completed steps in log order
 * @param outputs their outputs, by step id
 * @param task the task of the first session_start, "" if none
 * @param finished true if the log already ends with session_complete
 * @param spent the sum of {@code tokens} over the log's lines, by component
 * @param pipeline the pipeline name of the first session_start ("" for the built-in pipeline)
 * @param runs how many runs the log holds (its session_start lines)
 */
record ResumePoint(Map<String, DoneStep> done, Map<String, String> outputs, String task, boolean finished, Map<Component, Long> spent,
                   String pipeline, int runs) {

    /** A step the earlier run completed: its tokens and latency summed over its step_complete lines. */
    record DoneStep(String id, Component component, long tokens, double latencyMs) {
    }

    /** Nothing to resume from. */
    static ResumePoint none() {
        return new ResumePoint(Map.of(), Map.of(), "", false, Map.of(), "", 0);
    }

    static ResumePoint read(Path sessionDirectory, Map<String, String> outputs) throws IOException {
        return read(sessionDirectory, outputs, e -> { });
    }

    /** {@link #read(Path, Map)}, handing every line readers can read to {@code lines}, in log order. */
    static ResumePoint read(Path sessionDirectory, Map<String, String> outputs, Consumer<LogEvent> lines) throws IOException {
        int[] runs = {0};
        Map<String, DoneStep> done = new LinkedHashMap<>();
        String[] task = {""};
        String[] pipeline = {null};
        boolean[] finished = {false};
        Map<Component, Long> spent = new java.util.EnumMap<>(Component.class);
        PythonJsonReader reader = new PythonJsonReader();
        for (Path part : parts(sessionDirectory)) {
            try (InputStream in = Files.newInputStream(part)) {
                new LineSplitter(16 << 20).split(in, new LineSplitter.Handler() {
                    @Override
                    public void line(long number, byte[] bytes, int from, int to) {
                        JsonNode node = node(reader, bytes, from, to);
                        LogEvent event = node == null ? null : LogEventDecoder.decode(node);
                        if (event != null) {
                            lines.accept(event);
                        }
                        ExecutionEntry e = entry(node);
                        if (e == null) {
                            return;
                        }
                        runs[0] += e.eventType() == EventType.SESSION_START ? 1 : 0;
                        if (e.eventType() == EventType.SESSION_START && task[0].isEmpty()) {
                            task[0] = e.metadata().task().orElse("");
                        }
                        if (e.eventType() == EventType.SESSION_START && pipeline[0] == null) {
                            JsonNode name = e.metadata().asMap().get("pipeline");
                            pipeline[0] = name != null && name.isString() ? name.stringValue() : "";
                        }
                        finished[0] = e.eventType() == EventType.SESSION_COMPLETE;
                        if (e.tokens() != 0) {
                            spent.merge(e.component(), e.tokens(), Long::sum);
                        }
                        JsonNode step = e.metadata().asMap().get("step");
                        if (e.eventType() == EventType.STEP_COMPLETE && step != null && step.isString() && outputs.containsKey(step.stringValue())) {
                            DoneStep now = new DoneStep(step.stringValue(), e.component(), e.tokens(), e.metadata().latencyMs().orElse(0));
                            done.merge(now.id(), now, (a, b) -> new DoneStep(a.id(), a.component(), a.tokens() + b.tokens(),
                                    a.latencyMs() + b.latencyMs()));
                        }
                    }

                    @Override
                    public void tooLong(long number, long length) {
                        // not one of ours
                    }
                });
            }
        }
        Map<String, String> kept = new LinkedHashMap<>();
        done.keySet().forEach(id -> kept.put(id, outputs.get(id)));
        return new ResumePoint(done, kept, task[0], finished[0], spent, pipeline[0] == null ? "" : pipeline[0], runs[0]);
    }

    private static JsonNode node(PythonJsonReader reader, byte[] bytes, int from, int to) {
        if (LineSplitter.isBlank(bytes, from, to)) {
            return null;
        }
        try {
            return reader.read(bytes, from, to);
        } catch (JsonSyntaxException e) {
            return null;
        }
    }

    private static ExecutionEntry entry(JsonNode node) {
        try {
            return node == null ? null : ExecutionEntry.fromJsonNode(node);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How many runs a session's log holds (its session_start lines), without reading the lines' values. */
    static int runs(Path sessionDirectory) throws IOException {
        byte[] mark = "\"event_type\":\"session_start\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int n = 0;
        byte[] buffer = new byte[1 << 16];
        for (Path part : parts(sessionDirectory)) {
            try (InputStream in = Files.newInputStream(part)) {
                int kept = 0;
                for (int read; (read = in.read(buffer, kept, buffer.length - kept)) > 0; ) {
                    int end = kept + read;
                    int i = 0;
                    for (; i + mark.length <= end; i++) {
                        if (buffer[i] == '"' && java.util.Arrays.equals(buffer, i, i + mark.length, mark, 0, mark.length)) {
                            n++;
                        }
                    }
                    kept = end - i; // a mark cut at the block's end is found with the next block
                    System.arraycopy(buffer, i, buffer, 0, kept);
                }
            }
        }
        return n;
    }

    /** Rotated parts first (execution.1.jsonl, execution.2.jsonl, ...), then the live file. */
    private static java.util.List<Path> parts(Path dir) throws IOException {
        return SessionParts.of(dir);
    }
}
