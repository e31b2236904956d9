package dev.sigil.orchestrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.LineSplitter;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.layout.LogLayout;
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
 */
record ResumePoint(Map<String, DoneStep> done, Map<String, String> outputs, String task, boolean finished, Map<Component, Long> spent,
                   String pipeline) {

    /** A step the earlier run completed: its tokens and latency summed over its step_complete lines. */
    record DoneStep(String id, Component component, long tokens, double latencyMs) {
    }

    /** Nothing to resume from. */
    static ResumePoint none() {
        return new ResumePoint(Map.of(), Map.of(), "", false, Map.of(), "");
    }

    static ResumePoint read(Path sessionDirectory, Map<String, String> outputs) throws IOException {
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
                        ExecutionEntry e = entry(reader, bytes, from, to);
                        if (e == null) {
                            return;
                        }
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
        return new ResumePoint(done, kept, task[0], finished[0], spent, pipeline[0] == null ? "" : pipeline[0]);
    }

    private static ExecutionEntry entry(PythonJsonReader reader, byte[] bytes, int from, int to) {
        try {
            return ExecutionEntry.fromJsonNode(reader.read(bytes, from, to));
        } catch (JsonSyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Rotated parts first (execution.1.jsonl, execution.2.jsonl, ...), then the live file. */
    private static java.util.List<Path> parts(Path dir) throws IOException {
        java.util.List<Path> parts = new java.util.ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                files.filter(p -> LogLayout.ROTATED.matcher(p.getFileName().toString()).matches())
                        .sorted(java.util.Comparator.comparingInt(p -> number(p.getFileName().toString())))
                        .forEach(parts::add);
            }
        }
        Path live = dir.resolve(LogLayout.EXECUTION_LOG);
        if (Files.exists(live)) {
            parts.add(live);
        }
        return parts;
    }

    private static int number(String name) {
        java.util.regex.Matcher m = LogLayout.ROTATED.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
