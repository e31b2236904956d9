package dev.sigil.orchestrate;

import static dev.sigil.orchestrate.Harness.request;
import static dev.sigil.orchestrate.Harness.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.errors.ErrorCategory;
import dev.sigil.contract.model.Component;
import dev.sigil.orchestrate.execute.StepExecutor;
import dev.sigil.orchestrate.execute.StepResult;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The ids {@code sigil orchestrate} writes for each unit of its run (docs/cost.md §8, docs/contract.md §5.2): the run,
 * its phases (named by their steps' parent), a step's first try, a retry and the try it starts, tool calls
 * ({@code tool-NAME}, then {@code tool-NAME-2}), a failed contract check's retry, and the next run of a resumed session.
 */
class AttributionIdsTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    private static String id(JsonNode e) {
        return e.get("metadata").path("event_id").asString("");
    }

    private static String parent(JsonNode e) {
        return e.get("metadata").path("parent_id").asString("");
    }

    private static String correlation(JsonNode e) {
        return e.get("metadata").path("correlation_id").asString("");
    }

    /** A reasoning step calling websearch twice; the research step fails once (transient) before it succeeds. */
    private static StepExecutor tools(ScriptedExecutor others) {
        return (request, progress) -> {
            if (request.step().id().equals("lookup")) {
                progress.report("Called tool websearch", Map.of("tool", F.stringNode("websearch")));
                progress.report("Called tool websearch", Map.of("tool", F.stringNode("websearch")));
                return new StepResult("found", 40, 10, Map.of());
            }
            return others.execute(request, progress);
        };
    }

    @Test
    void everyUnitOfARunHasItsIdUnderItsParent() throws Exception {
        Harness harness = new Harness(dir.resolve("logs"));
        List<StepDefinition> steps = List.of(step("route", Component.ROUTING), step("lookup", Component.REASONING, "route"),
                step("research", Component.REASONING, "lookup"), step("check", Component.CONTRACTS, "research"));
        ScriptedExecutor script = new ScriptedExecutor()
                .on("research", ScriptedExecutor.fail(ErrorCategory.TRANSIENT), ScriptedExecutor.produce(30, 20))
                .on("check", ScriptedExecutor.check(5, 5, false, "add the sources"), ScriptedExecutor.check(5, 5, true, ""));
        harness.run(request("ids-1", 1_000_000, steps), tools(script));
        SessionAudit audit = harness.audit("ids-1");
        assertThat(audit.findings()).isEmpty();

        JsonNode start = audit.events("session_start").get(0);
        assertThat(id(start)).isEqualTo("run-1");
        assertThat(parent(start)).isEmpty();
        assertThat(audit.entries()).allSatisfy(e -> assertThat(correlation(e)).isEqualTo("ids-1/run-1"));

        List<JsonNode> completes = audit.events("step_complete");
        assertThat(completes).extracting(AttributionIdsTest::id).containsExactly("run-1/routing/route",
                "run-1/plan_execution/lookup", "run-1/plan_execution/research/retry-1", "run-1/contract_validation/check",
                "run-1/contract_validation/check/retry-1/research", "run-1/contract_validation/check/retry-1/check");
        assertThat(completes.get(0).get("metadata").get("phase").stringValue()).isEqualTo("routing");
        assertThat(parent(completes.get(0))).isEqualTo("run-1/routing");

        List<JsonNode> toolCalls = audit.events("reasoning_step").stream()
                .filter(e -> e.get("metadata").path("tool").isString()).toList();
        assertThat(toolCalls).extracting(AttributionIdsTest::id)
                .containsExactly("run-1/plan_execution/lookup/tool-websearch", "run-1/plan_execution/lookup/tool-websearch-2");
        assertThat(toolCalls).extracting(AttributionIdsTest::parent).containsOnly("run-1/plan_execution/lookup");

        List<JsonNode> retries = audit.events("retry_attempt");
        assertThat(retries).extracting(AttributionIdsTest::id)
                .containsExactly("run-1/plan_execution/research/retry-1", "run-1/contract_validation/check/retry-1");
        assertThat(retries).extracting(AttributionIdsTest::parent)
                .containsExactly("run-1/plan_execution/research", "run-1/contract_validation/check");
    }

    @Test
    void aResumedSessionsNextRunIsRunTwo() throws Exception {
        Harness harness = new Harness(dir.resolve("logs"));
        List<StepDefinition> steps = List.of(step("route", Component.ROUTING), step("plan", Component.PLANNING, 0,
                java.time.Duration.ofMillis(1), "route"));
        harness.run(request("ids-2", 1_000_000, steps), new ScriptedExecutor().on("plan", ScriptedExecutor.fail(ErrorCategory.CONFIG)));
        harness.run(request("ids-2", 1_000_000, steps, true, true, true), new ScriptedExecutor());
        SessionAudit audit = harness.audit("ids-2");
        assertThat(audit.findings()).isEmpty();
        assertThat(audit.events("session_start")).extracting(AttributionIdsTest::id).containsExactly("run-1", "run-2");
        JsonNode plan = audit.events("step_complete").get(audit.events("step_complete").size() - 1);
        assertThat(id(plan)).isEqualTo("run-2/planning/plan");
        assertThat(correlation(plan)).isEqualTo("ids-2/run-2");
    }
}
