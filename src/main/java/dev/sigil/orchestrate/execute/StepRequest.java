package dev.sigil.orchestrate.execute;

import java.util.Map;

import dev.sigil.orchestrate.pipeline.StepDefinition;

/**
 * What a step executor is asked to do.
 *
 * @param sessionId the session the step belongs to
 * @param task the user's task
 * @param step the step
 * @param attempt 1 for the first try, 2 for the first retry, ...
 * @param inputs outputs of the steps this one depends on, by step id, in dependency order
 * @param feedback feedback from a failed contract check to take into account ("" if none)
 */
public record StepRequest(String sessionId, String task, StepDefinition step, int attempt, Map<String, String> inputs,
                          String feedback) {

    public StepRequest {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }
}
