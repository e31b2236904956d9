package dev.sigil.orchestrate.execute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

import dev.sigil.contract.event.Usage;
import dev.sigil.contract.model.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The built-in executor: no network, deterministic for a given task and seed. It builds the prompt a real pipeline
 * would send, produces plausible output for the step's component ({@link OfflineText}), counts both with the token
 * counter (jtokkit), and takes time like a model would: a base latency plus a time per output token, multiplied by
 * the speed factor ({@code --speed}: 1 is the normal pace, 0.5 twice as fast, 0 no waiting at all). Each step's
 * usage record names the model its component would call, with the cache reads and writes a prompt cache would see
 * ({@link PromptCache}) and, for reasoning strategies, the reasoning part of the output. One instance per run.
 */
public final class OfflineExecutor implements StepExecutor {

    /** Waiting, interruptibly: Thread.sleep in real runs. */
    @FunctionalInterface
    public interface Pause {
        void millis(long millis) throws InterruptedException;
    }

    static final long BASE_LATENCY_MS = 400;
    static final double MS_PER_OUTPUT_TOKEN = 3.5;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String HAIKU = "anthropic:claude-haiku-4-5-20251001";
    private static final Map<Component, String> MODELS = Map.of(
            Component.ROUTING, HAIKU,
            Component.PLANNING, "anthropic:claude-opus-4-5-20251101",
            Component.MEMORY, "openai:gpt-4.1-mini-2025-04-14",
            Component.REASONING, "anthropic:claude-sonnet-4-5-20250929",
            Component.CONTRACTS, HAIKU,
            Component.VALIDATION, "openai:gpt-4.1-mini-2025-04-14");
    /** The part of a reasoning step's output its strategy spends thinking. */
    private static final Map<String, Double> REASONING_SHARE = Map.of("tree_of_thoughts", 0.4, "chain_of_thought", 0.25, "react", 0.15);

    private final PromptCache cache = new PromptCache();
    private final OfflineText text;
    private final double speed;
    private final ToLongFunction<String> counter;
    private final Pause pause;

    public OfflineExecutor(long seed, double speed, ToLongFunction<String> counter, Pause pause) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number >= 0: " + speed);
        }
        this.text = new OfflineText(seed);
        this.speed = speed;
        this.counter = counter;
        this.pause = pause;
    }

    @Override
    public StepResult execute(StepRequest request, StepProgress progress) throws InterruptedException {
        SplittableRandom r = text.random(request.task(), request.step().id(), request.attempt());
        String context = text.context(request);
        String prompt = context + text.ask(request);
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        String output = output(request, r, metadata);
        long in = counter.applyAsLong(prompt);
        long out = counter.applyAsLong(output);
        long wait = Math.round((BASE_LATENCY_MS + out * MS_PER_OUTPUT_TOKEN) * speed);
        work(request, r, wait, progress, metadata);
        String model = modelOf(request.step().component());
        PromptCache.Split cached = cache.call(model, context, in, counter);
        long reasoning = Math.round(out * REASONING_SHARE.getOrDefault(request.step().operation(), 0.0));
        return new StepResult(output, in, out, metadata, Usage.of(model, in, out, cached.read(), cached.write(), 0,
                request.step().component() == Component.REASONING ? reasoning : 0));
    }

    /**
     * The model a step of {@code component} calls: a small fast model to route, check contracts and verify, a large
     * one to plan, a mid-size one to reason, a small OpenAI model for memory (docs/orchestrate.md).
     */
    static String modelOf(Component component) {
        return MODELS.getOrDefault(component, HAIKU);
    }

    private String output(StepRequest request, SplittableRandom r, Map<String, JsonNode> metadata) {
        String task = request.task();
        String operation = request.step().operation();
        switch (request.step().component()) {
            case ROUTING -> {
                OfflineText.Route route = text.routing(r);
                metadata.put("summary", NODES.stringNode("Intent classified as: " + route.intent()));
                metadata.put("intent", NODES.stringNode(route.intent()));
                metadata.put("complexity", NODES.numberNode(route.complexity()));
                metadata.put("handler", NODES.stringNode(route.handler()));
                metadata.put("strategy", NODES.stringNode(route.strategy()));
                return route.json();
            }
            case PLANNING -> {
                List<OfflineText.PlannedStep> plan = text.plan(task, r);
                metadata.put("summary", NODES.stringNode("Plan created with " + plan.size() + " steps"));
                metadata.put("step_count", NODES.numberNode(plan.size()));
                return OfflineText.planJson(plan);
            }
            case MEMORY -> {
                if (operation.contains("extract")) {
                    String facts = text.facts(task, r);
                    int n = facts.split("\"content\"").length - 1;
                    metadata.put("summary", NODES.stringNode("Extracted " + n + " facts"));
                    metadata.put("facts_extracted", NODES.numberNode(n));
                    return facts;
                }
                String memories = text.memories(task, r);
                int n = memories.split("\n").length;
                metadata.put("summary", NODES.stringNode("Retrieved " + n + " relevant memories"));
                metadata.put("memories_count", NODES.numberNode(n));
                return memories;
            }
            case CONTRACTS -> {
                // A first check fails now and then, so that the retry-with-feedback path is part of a normal run.
                boolean pass = request.attempt() > 1 || !request.feedback().isEmpty() || r.nextInt(3) != 0;
                metadata.put("validation_passed", NODES.booleanNode(pass));
                String answer = text.contractCheck(pass, r);
                metadata.put("summary", NODES.stringNode(pass ? "Output meets the contract" : "Contract check failed: " + answer));
                if (!pass) {
                    metadata.put("feedback", NODES.stringNode(answer));
                }
                return answer;
            }
            case VALIDATION -> {
                double score = Math.round(r.nextDouble(0.78, 0.98) * 100) / 100.0;
                metadata.put("quality_score", NODES.numberNode(score));
                metadata.put("summary", NODES.stringNode("Output verified, quality score " + score));
                return "Output verified: complete and consistent with the task. Quality score: " + score;
            }
            default -> {
                metadata.put("summary", NODES.stringNode(request.step().description().isEmpty() ? "Step complete"
                        : request.step().description()));
                metadata.put("strategy", NODES.stringNode(operation));
                metadata.put("confidence", NODES.numberNode(Math.round(r.nextDouble(0.7, 0.98) * 100) / 100.0));
                return text.reasoning(task, operation, r);
            }
        }
    }

    /** Spends the step's time, reporting tree-of-thoughts branches and tool calls as they "happen". */
    private void work(StepRequest request, SplittableRandom r, long wait, StepProgress progress, Map<String, JsonNode> metadata)
            throws InterruptedException {
        int branches = "tree_of_thoughts".equals(request.step().operation()) ? 2 + r.nextInt(3) : 0;
        String tool = request.step().tools().isEmpty() ? "" : request.step().tools().get(0);
        int slices = branches + (tool.isEmpty() ? 0 : 1) + 1;
        long slice = wait / slices;
        for (int b = 1; b <= branches; b++) {
            pause.millis(slice);
            progress.report("Exploring branch " + b + "/" + branches, Map.of("branch", NODES.numberNode(b)));
        }
        if (!tool.isEmpty()) {
            pause.millis(slice);
            progress.report("Called tool " + tool, Map.of("tool", NODES.stringNode(tool), "results_count", NODES.numberNode(1 + r.nextInt(9))));
            metadata.put("tools_used", NODES.arrayNode().add(tool));
        }
        if (branches > 0) {
            metadata.put("branches_explored", NODES.numberNode(branches));
        }
        pause.millis(wait - slice * (slices - 1));
    }
}
