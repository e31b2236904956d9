package dev.sigil.orchestrate.execute;

/** Runs one step. Implementations are thread-safe. */
public interface StepExecutor {

    /**
     * Runs {@code request}, reporting what happens inside the step to {@code progress}.
     *
     * @throws StepFailure when the step produced no usable output, with its error category
     * @throws InterruptedException when the run is interrupted (Ctrl-C)
     */
    StepResult execute(StepRequest request, StepProgress progress) throws StepFailure, InterruptedException;
}
