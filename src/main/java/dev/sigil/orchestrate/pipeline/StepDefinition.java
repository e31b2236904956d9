package dev.sigil.orchestrate.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.model.Component;

/**
 * One step of a pipeline.
 *
 * @param id unique snake_case name
 * @param component the contract component its tokens are charged to
 * @param operation operation name in the log
 * @param description what the step does (may be "")
 * @param dependsOn earlier steps whose outputs it receives
 * @param command program and arguments for an external step; empty for a built-in one
 * @param timeout how long a command may run
 * @param retries retries for transient failures
 * @param retryDelay wait before the first retry (doubling on each further one, up to 30 s)
 * @param environment extra environment variables for the command
 * @param tools tools the step calls (reported by the built-in executor; informative for commands)
 */
public record StepDefinition(String id, Component component, String operation, String description, List<String> dependsOn,
                             List<String> command, Duration timeout, int retries, Duration retryDelay, Map<String, String> environment,
                             List<String> tools) {

    public StepDefinition {
        dependsOn = List.copyOf(dependsOn);
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        tools = List.copyOf(tools);
    }

    public boolean builtin() {
        return command.isEmpty();
    }
}
