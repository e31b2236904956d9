package dev.sigil.orchestrate;

import dev.sigil.contract.model.Component;

/**
 * How one step ended.
 *
 * @param id the step
 * @param component its component
 * @param operation its operation
 * @param success whether it produced output
 * @param tokens tokens it used (on its step_complete)
 * @param latencyMs wall time of its last try
 * @param error why it failed ("" on success)
 * @param resumed true if an earlier run completed it
 */
public record StepOutcome(String id, Component component, String operation, boolean success, long tokens, double latencyMs,
                          String error, boolean resumed) {
}
