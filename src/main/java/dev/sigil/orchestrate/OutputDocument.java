package dev.sigil.orchestrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.codec.IndentedJson;
import dev.sigil.log.summary.UsageLine;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of a run as JSON, for {@code --output FILE}: the fields of seed 001's {@code PipelineResult}, with the
 * session's cost beside its tokens (docs/cost.md §7.1), written as CPython's {@code json.dump(result, f, indent=2)}
 * writes them.
 */
public final class OutputDocument {

    private OutputDocument() {
    }

    /** The document, with {@code redact} applied to every text that came from the task or the steps. */
    public static ObjectNode of(OrchestrationResult r, UnaryOperator<String> redact) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("session_id", r.sessionId());
        o.put("task", redact.apply(r.task()));
        o.put("success", r.status() == OrchestrationResult.Status.COMPLETED);
        o.put("status", r.status().name().toLowerCase(Locale.ROOT));
        o.put("total_tokens", r.totalTokens());
        o.put("budget", r.budget());
        UsageLine.putDollars(o, "cost_usd", r.usage().cost());
        o.put("unpriced_tokens", r.usage().unpricedTokens());
        UsageLine.putDollars(o, "budget_usd", r.budgetUsd());
        o.put("steps_completed", r.stepsCompleted());
        o.put("steps_failed", r.stepsFailed());
        o.put("total_latency_ms", r.steps().stream().mapToDouble(StepOutcome::latencyMs).sum());
        o.put("duration_seconds", Math.round(r.durationSeconds() * 1000) / 1000.0);
        if (r.qualityScore().isPresent()) {
            o.put("quality_score", r.qualityScore().getAsDouble());
        } else {
            o.putNull("quality_score");
        }
        o.put("final_output", redact.apply(r.finalOutput()));
        o.put("error_type", r.errorType());
        o.put("error_code", r.errorCode());
        o.put("error", redact.apply(r.error()));
        ArrayNode steps = o.putArray("steps");
        for (StepOutcome s : r.steps()) {
            steps.addObject().put("id", s.id()).put("component", s.component().wireName()).put("operation", s.operation())
                    .put("success", s.success()).put("tokens", s.tokens()).put("latency_ms", s.latencyMs()).put("error", redact.apply(s.error()))
                    .put("resumed", s.resumed());
        }
        return o;
    }

    /** Writes the document to {@code file} (replacing it), secrets redacted by {@code redact} as in the log. */
    public static void write(Path file, OrchestrationResult r, UnaryOperator<String> redact) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, new IndentedJson(new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT)).encode(of(r, redact)));
    }
}
