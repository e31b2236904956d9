package dev.sigil.orchestrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.log.summary.IndentedJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of a run as JSON, for {@code --output FILE}: the fields of seed 001's {@code PipelineResult}, written as
 * CPython's {@code json.dump(result, f, indent=2)} writes them.
 */
public final class OutputDocument {

    private OutputDocument() {
    }

    public static ObjectNode of(OrchestrationResult r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("session_id", r.sessionId());
        o.put("task", r.task());
        o.put("success", r.status() == OrchestrationResult.Status.COMPLETED);
        o.put("status", r.status().name().toLowerCase(Locale.ROOT));
        o.put("total_tokens", r.totalTokens());
        o.put("budget", r.budget());
        o.put("steps_completed", r.stepsCompleted());
        o.put("steps_failed", r.stepsFailed());
        o.put("total_latency_ms", r.steps().stream().mapToDouble(StepOutcome::latencyMs).sum());
        o.put("duration_seconds", Math.round(r.durationSeconds() * 1000) / 1000.0);
        if (r.qualityScore().isPresent()) {
            o.put("quality_score", r.qualityScore().getAsDouble());
        } else {
            o.putNull("quality_score");
        }
        o.put("final_output", r.finalOutput());
        o.put("error_type", r.errorType());
        o.put("error", r.error());
        ArrayNode steps = o.putArray("steps");
        for (StepOutcome s : r.steps()) {
            steps.addObject().put("id", s.id()).put("component", s.component().wireName()).put("operation", s.operation())
                    .put("success", s.success()).put("tokens", s.tokens()).put("latency_ms", s.latencyMs()).put("error", s.error())
                    .put("resumed", s.resumed());
        }
        return o;
    }

    /** Writes the document to {@code file} (replacing it). */
    public static void write(Path file, OrchestrationResult r) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, new IndentedJson(new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT)).encode(of(r)));
    }
}
