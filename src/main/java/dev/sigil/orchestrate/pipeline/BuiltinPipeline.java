package dev.sigil.orchestrate.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.model.Component;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline of seed 002, run by the built-in executor when no pipeline file is given: routing, planning, memory
 * retrieval, the plan's steps (reasoning, with their tools), contract validation, output verification, memory
 * extraction. The plan's steps are not known until planning has run: {@link #planSteps} turns the planning step's
 * output into them. Component names follow the contract (seed 002's router, planner, tools and cli are mapped as
 * docs/orchestrate.md says).
 */
public final class BuiltinPipeline {

    public static final String ROUTE = "route_request";
    public static final String PLAN = "create_plan";
    public static final String RETRIEVE = "retrieve_context";
    public static final String VALIDATE = "validate_output";
    public static final String VERIFY = "verify_output";
    public static final String EXTRACT = "extract_memories";

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int RETRIES = 3;

    private BuiltinPipeline() {
    }

    /** The steps before the plan's. */
    public static List<StepDefinition> head() {
        return List.of(
                step(ROUTE, Component.ROUTING, ROUTE, "Classify the intent, assess complexity, choose a strategy", List.of(), List.of()),
                step(PLAN, Component.PLANNING, PLAN, "Decompose the task into steps with dependencies and strategies", List.of(ROUTE), List.of()),
                step(RETRIEVE, Component.MEMORY, RETRIEVE, "Retrieve relevant memories", List.of(PLAN), List.of()));
    }

    /** The steps after the plan's; {@code last} is the plan's final step. */
    public static List<StepDefinition> tail(String last) {
        return List.of(
                step(VALIDATE, Component.CONTRACTS, VALIDATE, "Check the output against the contract's deliverables", List.of(last), List.of()),
                step(VERIFY, Component.VALIDATION, VERIFY, "Verify the final output and score its quality", List.of(last, VALIDATE), List.of()),
                step(EXTRACT, Component.MEMORY, EXTRACT, "Extract facts from the execution and store them", List.of(last), List.of()));
    }

    /**
     * The plan's steps from the planning step's output: a JSON object {@code {"steps":[{"name","description",
     * "strategy","depends_on","tools"}...]}}. Each becomes a reasoning step whose operation is its strategy; it also
     * receives the retrieved memories.
     *
     * @throws IllegalArgumentException if the output is not such a plan
     */
    public static List<StepDefinition> planSteps(String planOutput) {
        JsonNode plan;
        try {
            plan = new PythonJsonReader().read(planOutput.strip());
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException("the plan is not JSON: " + e.getMessage());
        }
        JsonNode steps = plan.path("steps");
        if (!steps.isArray() || steps.isEmpty()) {
            throw new IllegalArgumentException("the plan has no steps");
        }
        List<StepDefinition> out = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (JsonNode s : steps) {
            String name = s.path("name").asString("");
            if (!name.matches("[a-z][a-z0-9_]{0,63}") || known.contains(name) || isFixed(name)) {
                throw new IllegalArgumentException("the plan has an invalid or repeated step name: '" + name + "'");
            }
            List<String> deps = new ArrayList<>();
            deps.add(RETRIEVE);
            s.path("depends_on").forEach(d -> {
                if (known.contains(d.asString(""))) {
                    deps.add(d.stringValue());
                }
            });
            List<String> tools = new ArrayList<>();
            s.path("tools").forEach(t -> tools.add(t.asString("")));
            String strategy = s.path("strategy").asString("direct");
            out.add(step(name, Component.REASONING, strategy.isEmpty() ? "direct" : strategy, s.path("description").asString(""),
                    deps, tools));
            known.add(name);
        }
        return out;
    }

    private static boolean isFixed(String name) {
        return List.of(ROUTE, PLAN, RETRIEVE, VALIDATE, VERIFY, EXTRACT).contains(name);
    }

    private static StepDefinition step(String id, Component component, String operation, String description, List<String> deps,
                                       List<String> tools) {
        return new StepDefinition(id, component, operation, description, deps, List.of(), TIMEOUT, RETRIES, Duration.ofSeconds(1), Map.of(), tools);
    }
}
