package dev.sigil.orchestrate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sigil.contract.model.Component;
import dev.sigil.log.LoggerSettings;
import dev.sigil.orchestrate.execute.StepExecutor;
import dev.sigil.orchestrate.pipeline.PipelineDefinition;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import dev.sigil.tokens.BudgetPlan;
import dev.sigil.tokens.Thresholds;
import dev.sigil.tokens.TokenCounter;
import dev.sigil.tokens.TokenEncoding;

/**
 * Runs the real orchestrator in-process: a real logger writing into a temporary directory, test executors for the
 * steps, and a pause that records the waits instead of sleeping (so backoff is visible and costs no time).
 */
final class Harness {

    static final TokenCounter COUNTER = TokenCounter.of(TokenEncoding.CL100K_BASE);

    final Path logs;
    final List<Long> waits = Collections.synchronizedList(new ArrayList<>());
    final List<StepOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    final StringWriter err = new StringWriter();

    Harness(Path logs) {
        this.logs = logs;
    }

    Orchestrator orchestrator() {
        LoggerSettings settings = LoggerSettings.builder().logPath(logs).fsync(false).build();
        return new Orchestrator(settings, Clock.systemDefaultZone(), System::nanoTime, COUNTER, new PrintWriter(err, true), true,
                waits::add, outcomes::add);
    }

    /** Runs {@code request} with {@code builtin} for built-in steps and {@code command} for command steps. */
    OrchestrationResult run(OrchestrationRequest request, StepExecutor builtin, StepExecutor command) throws IOException {
        Orchestrator.Session session = orchestrator().open(request);
        return session.run(builtin, command);
    }

    OrchestrationResult run(OrchestrationRequest request, StepExecutor executor) throws IOException {
        return run(request, executor, executor);
    }

    Path sessionDirectory(String sessionId) {
        return logs.resolve("sessions").resolve(sessionId);
    }

    SessionAudit audit(String sessionId) throws IOException {
        return SessionAudit.of(sessionDirectory(sessionId));
    }

    static OrchestrationRequest request(String sessionId, long budget, List<StepDefinition> steps) {
        return request(sessionId, budget, steps, false, true, true);
    }

    static OrchestrationRequest request(String sessionId, long budget, List<StepDefinition> steps, boolean resume, boolean track,
                                        boolean alerts) {
        PipelineDefinition pipeline = new PipelineDefinition("test-pipeline", "", steps, Path.of("").toAbsolutePath());
        return new OrchestrationRequest(resume ? "" : "Qualify the test lead", sessionId,
                new BudgetPlan(budget, Map.of(), Thresholds.DEFAULT), null, 0, 0, Optional.of(pipeline), resume, track, alerts, true);
    }

    /** A step for the test executor (no command: it is "built-in"), retries 3, retry delay 10 ms. */
    static StepDefinition step(String id, Component component, String... dependsOn) {
        return step(id, component, 3, Duration.ofMillis(10), dependsOn);
    }

    static StepDefinition step(String id, Component component, int retries, Duration retryDelay, String... dependsOn) {
        return new StepDefinition(id, component, id, "", List.of(dependsOn), List.of(), Duration.ofSeconds(10), retries, retryDelay,
                Map.of(), List.of());
    }

    /** A step run by a command (through the real CommandExecutor). */
    static StepDefinition command(String id, Component component, List<String> command, String... dependsOn) {
        return new StepDefinition(id, component, id, "", List.of(dependsOn), command, Duration.ofSeconds(20), 0, Duration.ofMillis(10),
                Map.of(), List.of());
    }
}
