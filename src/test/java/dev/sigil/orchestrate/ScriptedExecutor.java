package dev.sigil.orchestrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.sigil.contract.errors.ErrorCategory;
import dev.sigil.contract.errors.ErrorCode;
import dev.sigil.orchestrate.execute.StepExecutor;
import dev.sigil.orchestrate.execute.StepFailure;
import dev.sigil.orchestrate.execute.StepProgress;
import dev.sigil.orchestrate.execute.StepRequest;
import dev.sigil.orchestrate.execute.StepResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A step executor for tests that does what its script says, step by step and call by call: produce output with
 * given token counts, fail with an error category, or be interrupted. It records every request it gets, so a test
 * can see which steps ran, with which inputs and feedback.
 */
final class ScriptedExecutor implements StepExecutor {

    /** What one call does. */
    sealed interface Act permits Produce, Fail, Interrupt, Exhaust {
    }

    /** Succeeds with these counts; {@code metadata} goes to the step's result. */
    record Produce(long inputTokens, long outputTokens, String output, Map<String, JsonNode> metadata) implements Act {
    }

    /** Fails with this category. */
    record Fail(ErrorCategory category) implements Act {
    }

    /** Throws InterruptedException, as a step does when Ctrl-C interrupts its thread. */
    record Interrupt() implements Act {
    }

    /** Throws OutOfMemoryError, as a step does when what it holds outgrows sigil's heap. */
    record Exhaust() implements Act {
    }

    /** One call: the request and how many calls of the same step came before it. */
    record Call(StepRequest request, int previousCalls) {
    }

    private final Map<String, Function<Call, Act>> script = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final List<StepRequest> requests = Collections.synchronizedList(new ArrayList<>());

    /** Step {@code id} does {@code acts} on its first, second, ... call; the last act repeats. */
    ScriptedExecutor on(String id, Act... acts) {
        List<Act> list = List.of(acts);
        return on(id, call -> list.get(Math.min(call.previousCalls(), list.size() - 1)));
    }

    ScriptedExecutor on(String id, Function<Call, Act> behaviour) {
        script.put(id, behaviour);
        return this;
    }

    static Produce produce(long in, long out) {
        return new Produce(in, out, "output " + in + "+" + out, Map.of());
    }

    static Produce produce(long in, long out, Map<String, JsonNode> metadata) {
        return new Produce(in, out, "output " + in + "+" + out, metadata);
    }

    /** A contract check's answer: passed or not, with feedback when not. */
    static Produce check(long in, long out, boolean passed, String feedback) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> m = passed ? Map.of("validation_passed", f.booleanNode(true))
                : Map.of("validation_passed", f.booleanNode(false), "feedback", f.stringNode(feedback));
        return new Produce(in, out, passed ? "PASS" : "FAIL: " + feedback, m);
    }

    static Fail fail(ErrorCategory category) {
        return new Fail(category);
    }

    List<StepRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Step ids in the order they were called. */
    List<String> calledSteps() {
        return requests().stream().map(r -> r.step().id()).toList();
    }

    @Override
    public StepResult execute(StepRequest request, StepProgress progress) throws StepFailure, InterruptedException {
        requests.add(request);
        int previous;
        synchronized (counts) {
            previous = counts.merge(request.step().id(), 1, Integer::sum) - 1;
        }
        Function<Call, Act> behaviour = script.getOrDefault(request.step().id(), call -> produce(10, 5));
        Act act = behaviour.apply(new Call(request, previous));
        if (act instanceof Produce p) {
            progress.report("working on " + request.step().id(), Map.of());
            return new StepResult(p.output(), p.inputTokens(), p.outputTokens(), p.metadata());
        }
        if (act instanceof Fail f) {
            throw new StepFailure(codeOf(f.category()), request.step().id() + " failed (" + f.category().wireName() + ", call "
                    + (previous + 1) + ")");
        }
        if (act instanceof Exhaust) {
            throw new OutOfMemoryError("Java heap space");
        }
        throw new InterruptedException("scripted interruption");
    }

    /** The code a scripted failure of {@code category} carries: the classifier's default of that category. */
    static ErrorCode codeOf(ErrorCategory category) {
        return switch (category) {
            case TRANSIENT -> ErrorCode.STEP_003;
            case LOGIC -> ErrorCode.STEP_004;
            case CONFIG -> ErrorCode.CONFIG_001;
            case SYSTEM -> ErrorCode.SYSTEM_002;
        };
    }
}
