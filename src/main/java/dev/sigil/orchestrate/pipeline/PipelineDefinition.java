package dev.sigil.orchestrate.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * A pipeline file's steps, checked.
 *
 * @param name the pipeline's name
 * @param description what it does (may be "")
 * @param steps the steps in the order they run
 * @param baseDirectory directory relative command paths are resolved against (the file's directory)
 */
public record PipelineDefinition(String name, String description, List<StepDefinition> steps, Path baseDirectory) {

    public PipelineDefinition {
        steps = List.copyOf(steps);
    }
}
