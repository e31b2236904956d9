package dev.sigil.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.sigil.contract.model.Component;
import dev.sigil.orchestrate.OrchestrationResult.Status;
import dev.sigil.orchestrate.ScriptedExecutor.Act;
import dev.sigil.contract.errors.ErrorCategory;
import dev.sigil.orchestrate.pipeline.PipelineDefinition;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import dev.sigil.tokens.BudgetPlan;
import dev.sigil.tokens.Thresholds;
import dev.sigil.tokens.TokenBudget;

/**
 * Random pipelines of scripted steps (random tokens, failures of every category, failed contract checks,
 * interruptions) under random budgets, run by the real orchestrator into a real log, and resumed when interrupted:
 * whatever happens, every line validates, the sum of tokens over the log equals tokens.json's total and the result's,
 * each step's try is opened before it ends, each run ends exactly once with its last line, and no step runs after a
 * fatal failure or once the budget said stop. jqwik prints the seed of a failing case.
 */
class OrchestrationProperties {

    /** One step: its component, retries, dependencies (indexes of earlier steps) and what each of its calls does. */
    record StepSpec(Component component, int retries, List<Integer> dependsOn, List<Act> acts) {
    }

    record Scenario(List<StepSpec> steps, long budget, boolean track, boolean alerts) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<StepSpec>> steps = step().list().ofMinSize(1).ofMaxSize(7);
        return Combinators.combine(steps, Arbitraries.longs().between(100, 6000), Arbitraries.of(true, true, false),
                Arbitraries.of(true, false)).as(Scenario::new);
    }

    private static Arbitrary<StepSpec> step() {
        Arbitrary<Component> component = Arbitraries.of(Component.ROUTING, Component.MEMORY, Component.PLANNING, Component.REASONING,
                Component.CONTRACTS, Component.VALIDATION);
        return component.flatMap(c -> Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 6).list().ofMaxSize(2), act(c).list().ofMinSize(1).ofMaxSize(4))
                .as((retries, deps, acts) -> new StepSpec(c, retries, deps, acts)));
    }

    private static Arbitrary<Act> act(Component component) {
        Arbitrary<Act> produce = Combinators.combine(Arbitraries.longs().between(0, 400), Arbitraries.longs().between(0, 400))
                .as((in, out) -> (Act) ScriptedExecutor.produce(in, out));
        Arbitrary<Act> check = Combinators.combine(Arbitraries.longs().between(0, 100), Arbitraries.of(true, false))
                .as((in, passed) -> (Act) ScriptedExecutor.check(in, 3, passed, "fix it"));
        Arbitrary<Act> fail = Arbitraries.of(ErrorCategory.class).map(c -> (Act) ScriptedExecutor.fail(c));
        Arbitrary<Act> interrupt = Arbitraries.just(new ScriptedExecutor.Interrupt());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, component == Component.CONTRACTS ? check : produce),
                net.jqwik.api.Tuple.of(2, Arbitraries.oneOf(Arbitraries.of(ErrorCategory.TRANSIENT).map(c -> (Act) ScriptedExecutor.fail(c)), fail)),
                net.jqwik.api.Tuple.of(1, interrupt));
    }

    @Property(tries = 80)
    void tokensAreCountedOnceEveryLineIsValidAndTheOrderIsLegal(@ForAll("scenarios") Scenario scenario) throws Exception {
        Path logs = Files.createTempDirectory("sigil-orchestrate-prop");
        try {
            Harness harness = new Harness(logs);
            List<StepDefinition> steps = definitions(scenario);
            ScriptedExecutor first = executor(scenario, false);
            OrchestrationResult result = harness.run(request(scenario, steps, false), first);
            check(harness, result, first, scenario);

            if (result.status() == Status.INTERRUPTED) {
                ScriptedExecutor second = executor(scenario, true);
                OrchestrationResult resumed = harness.run(request(scenario, steps, true), second);
                assertThat(resumed.status()).isNotEqualTo(Status.INTERRUPTED);
                check(harness, resumed, second, scenario);
                List<String> redoneByContractRetry = steps.stream().filter(s -> s.component() == Component.CONTRACTS && !s.dependsOn().isEmpty())
                        .map(s -> s.dependsOn().get(s.dependsOn().size() - 1)).toList();
                List<String> doneBefore = result.steps().stream().filter(StepOutcome::success).map(StepOutcome::id)
                        .filter(id -> !redoneByContractRetry.contains(id)).toList();
                assertThat(second.calledSteps().stream().filter(doneBefore::contains)).as("steps completed before the resume run again")
                        .isEmpty();
            }
        } finally {
            try (var files = Files.walk(logs)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void check(Harness harness, OrchestrationResult result, ScriptedExecutor executor, Scenario scenario)
            throws IOException {
        SessionAudit audit = harness.audit("prop");
        assertThat(audit.findings()).as("audit").isEmpty();
        assertThat(result.totalTokens()).as("result total").isEqualTo(audit.logTokens());
        assertThat(audit.tokensJson().get("total_used").longValue()).isEqualTo(audit.logTokens());
        List<String> runLines = lastRun(audit);
        long starts = runLines.stream().filter("step_start"::equals).count();
        assertThat(executor.requests()).as("one step_start per call of a step").hasSize((int) starts);
        String last = runLines.get(runLines.size() - 1);
        switch (result.status()) {
            case COMPLETED, COMPLETED_WITH_FAILURES -> assertThat(last).isEqualTo("session_complete");
            default -> assertThat(last).isEqualTo("session_error");
        }
        BudgetPlan plan = new BudgetPlan(scenario.budget(), Map.of(), Thresholds.DEFAULT);
        if (result.status() == Status.BUDGET_EXHAUSTED) {
            assertThat(scenario.track()).isTrue();
            assertThat(allows(plan, result.totalTokens())).as("the budget said stop at %d", result.totalTokens()).isFalse();
        }
        if (scenario.track()) {
            long spent = 0;
            for (tools.jackson.databind.JsonNode e : audit.entries()) {
                spent += e.get("tokens").longValue();
                boolean firstTry = e.get("event_type").stringValue().equals("step_start") && !e.get("metadata").has("attempt");
                if (firstTry) {
                    assertThat(allows(plan, spent)).as("%s started with %d tokens spent", e.get("metadata").get("step"), spent).isTrue();
                }
            }
        }
        if (result.status() == Status.FAILED) {
            StepOutcome failed = result.steps().get(result.steps().size() - 1);
            assertThat(failed.success()).isFalse();
        }
    }

    private static boolean allows(BudgetPlan plan, long spent) {
        TokenBudget budget = new TokenBudget(plan);
        budget.record(Component.ROUTING, spent);
        return budget.canContinue();
    }

    /** Event types of the last run in the log (from its session_start). */
    private static List<String> lastRun(SessionAudit audit) {
        List<String> types = audit.eventTypes();
        return types.subList(types.lastIndexOf("session_start"), types.size());
    }

    private static List<StepDefinition> definitions(Scenario scenario) {
        List<StepDefinition> steps = new ArrayList<>();
        for (int i = 0; i < scenario.steps().size(); i++) {
            StepSpec s = scenario.steps().get(i);
            int index = i;
            List<String> deps = s.dependsOn().stream().filter(d -> d < index).distinct().map(d -> "s" + d).toList();
            steps.add(new StepDefinition("s" + i, s.component(), "op_" + s.component().wireName(), "", deps, List.of(), Duration.ofSeconds(5),
                    s.retries(), Duration.ofMillis(1 + i), Map.of(), List.of()));
        }
        return steps;
    }

    private static ScriptedExecutor executor(Scenario scenario, boolean resuming) {
        ScriptedExecutor executor = new ScriptedExecutor();
        for (int i = 0; i < scenario.steps().size(); i++) {
            List<Act> acts = scenario.steps().get(i).acts().stream()
                    .map(a -> resuming && a instanceof ScriptedExecutor.Interrupt ? (Act) ScriptedExecutor.produce(1, 1) : a).toList();
            executor.on("s" + i, acts.toArray(Act[]::new));
        }
        return executor;
    }

    private static OrchestrationRequest request(Scenario scenario, List<StepDefinition> steps, boolean resume) {
        PipelineDefinition pipeline = new PipelineDefinition("random", "", steps, Path.of("").toAbsolutePath());
        return new OrchestrationRequest(resume ? "" : "random task", "prop", new BudgetPlan(scenario.budget(), Map.of(), Thresholds.DEFAULT),
                null, 0, 0, Optional.of(pipeline), resume, scenario.track(), scenario.alerts(), true);
    }
}
