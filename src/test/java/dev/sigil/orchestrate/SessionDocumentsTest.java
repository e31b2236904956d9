package dev.sigil.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.orchestrate.OrchestrationResult.Status;
import dev.sigil.orchestrate.execute.CommandExecutor;
import dev.sigil.orchestrate.pipeline.PipelineDefinition;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import dev.sigil.tokens.BudgetPlan;
import dev.sigil.tokens.Thresholds;
import tools.jackson.databind.JsonNode;

/**
 * The session's two documents (session.json, status.json) as a real run keeps them: current while it runs (a step
 * reads them from inside the run), valid against their schemas, replaced whole, and left alone, with every other
 * file but the log, when the feature flags are off.
 */
class SessionDocumentsTest {

    @TempDir
    Path dir;

    private static final SchemaValidator STATUS = schema("status.schema.json");
    private static final SchemaValidator SESSION = schema("session.schema.json");

    private static SchemaValidator schema(String name) {
        try {
            return SchemaValidator.of(new PythonJsonReader().read(Files.readString(Path.of("contract", name))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return new PythonJsonReader().read(Files.readString(file));
    }

    private static StepDefinition sh(String id, Component component, String script) {
        return new StepDefinition(id, component, id, "", List.of(), List.of("sh", "-c", script), Duration.ofSeconds(20), 0,
                Duration.ofMillis(1), Map.of(), List.of());
    }

    private static OrchestrationRequest request(String session, List<StepDefinition> steps, boolean flags) {
        PipelineDefinition pipeline = new PipelineDefinition("docs-pipeline", "", steps, Path.of("").toAbsolutePath());
        return new OrchestrationRequest("Summarise the docs", session, new BudgetPlan(50_000, Map.of(), Thresholds.DEFAULT), "analyst",
                0, 0, Optional.of(pipeline), false, flags, flags, flags);
    }

    @Test
    void theDocumentsAreCurrentWhileTheRunGoesAndValidAfterIt() throws Exception {
        Harness harness = new Harness(dir.resolve("logs"));
        Path session = harness.sessionDirectory("docs");
        String copy = "cat >/dev/null; cp '" + session.resolve("status.json") + "' status-during.json; cp '" + session.resolve("session.json")
                + "' session-during.json; echo '{\"output\": \"read\", \"usage\": {\"input_tokens\": 40, \"output_tokens\": 2}}'";
        OrchestrationResult r = harness.run(request("docs", List.of(
                sh("first", Component.ROUTING, "cat >/dev/null; echo '{\"output\": \"r\", \"usage\": {\"input_tokens\": 10, \"output_tokens\": 5}}'"),
                sh("peek", Component.REASONING, copy)), true), new ScriptedExecutor(), new CommandExecutor(dir, Harness.COUNTER::count));
        assertThat(r.status()).isEqualTo(Status.COMPLETED);

        JsonNode during = read(dir.resolve("status-during.json"));
        assertThat(STATUS.validate(during)).isEmpty();
        assertThat(during.get("state").stringValue()).isEqualTo("running");
        assertThat(during.get("current_step").stringValue()).isEqualTo("peek");
        assertThat(during.get("current_component").stringValue()).isEqualTo("reasoning");
        assertThat(during.get("steps_completed").longValue()).isEqualTo(1);
        assertThat(during.get("tokens_used").longValue()).isEqualTo(15);
        assertThat(during.get("budget_remaining").longValue()).isEqualTo(50_000 - 15);
        assertThat(during.get("pid").longValue()).isEqualTo(ProcessHandle.current().pid());
        JsonNode sessionDuring = read(dir.resolve("session-during.json"));
        assertThat(SESSION.validate(sessionDuring)).isEmpty();
        assertThat(sessionDuring.get("status").stringValue()).isEqualTo("running");
        assertThat(sessionDuring.get("summary").get("success").isNull()).isTrue();

        JsonNode after = read(session.resolve("status.json"));
        assertThat(STATUS.validate(after)).isEmpty();
        assertThat(after.get("state").stringValue()).isEqualTo("completed");
        assertThat(after.get("current_step").isNull()).isTrue();
        assertThat(after.get("tokens_used").longValue()).isEqualTo(57);
        JsonNode doc = read(session.resolve("session.json"));
        assertThat(SESSION.validate(doc)).isEmpty();
        assertThat(doc.get("schema_version").intValue()).isEqualTo(1);
        assertThat(doc.get("task").stringValue()).isEqualTo("Summarise the docs");
        assertThat(doc.get("agent").stringValue()).isEqualTo("analyst");
        assertThat(doc.get("pipeline").stringValue()).isEqualTo("docs-pipeline");
        assertThat(doc.get("summary").get("success").booleanValue()).isTrue();
        assertThat(doc.get("summary").get("total_tokens").longValue()).isEqualTo(harness.audit("docs").logTokens());
        assertThat(doc.get("summary").get("total_events").longValue()).isEqualTo(harness.audit("docs").lines().size());
        assertThat(doc.get("created_at").stringValue()).isEqualTo(sessionDuring.get("created_at").stringValue());
        try (Stream<Path> files = Files.list(session)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file is left").noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aFailedRunSaysWhyInBothDocuments() throws Exception {
        Harness harness = new Harness(dir.resolve("logs"));
        harness.run(request("failing", List.of(sh("gone", Component.ROUTING, "cat >/dev/null; exit 127")), true), new ScriptedExecutor(),
                new CommandExecutor(dir, Harness.COUNTER::count));
        Path session = harness.sessionDirectory("failing");
        JsonNode status = read(session.resolve("status.json"));
        assertThat(STATUS.validate(status)).isEmpty();
        assertThat(status.get("state").stringValue()).isEqualTo("failed");
        assertThat(status.get("last_error").get("error_code").stringValue()).isEqualTo("CONFIG_002");
        JsonNode doc = read(session.resolve("session.json"));
        assertThat(doc.get("summary").get("success").booleanValue()).isFalse();
        assertThat(doc.get("summary").get("error_code").stringValue()).isEqualTo("CONFIG_002");
    }

    @Test
    void withTheFeatureFlagsOffTheRunWritesItsLogAndNothingElse() throws Exception {
        Harness harness = new Harness(dir.resolve("logs"));
        OrchestrationResult r = harness.run(request("quiet", List.of(sh("one", Component.ROUTING, "cat >/dev/null; echo done"),
                sh("two", Component.REASONING, "cat >/dev/null; echo done")), false), new ScriptedExecutor(), new CommandExecutor(dir,
                Harness.COUNTER::count));
        assertThat(r.status()).isEqualTo(Status.COMPLETED);
        try (Stream<Path> files = Files.list(harness.sessionDirectory("quiet"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the log, its lock, and the step outputs --resume needs")
                    .containsExactlyInAnyOrder("execution.jsonl", ".lock", "outputs.jsonl");
        }
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no current.jsonl").containsExactly("sessions");
        }
        assertThat(harness.audit("quiet").eventTypes()).as("the log is the same log").startsWith("session_start").endsWith("session_complete");
    }
}
