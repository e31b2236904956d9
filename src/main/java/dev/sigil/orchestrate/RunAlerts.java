package dev.sigil.orchestrate;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.model.Metadata;

/**
 * What the run's alert rules make of the entries it writes ({@code sigil orchestrate --rules FILE}): told of every
 * entry once it is queued for the log, on the pipeline's thread, in the order of the log. The rules' {@code log}
 * action writes its entry through {@link Run#log}, and the {@code stop} action asks the run to stop before its next
 * step ({@link Run#stop}). Implementations must not block (their commands and webhooks run elsewhere).
 */
public interface RunAlerts {

    /** No rules. */
    RunAlerts NONE = (entry, run) -> {
    };

    /** {@code entry} was written to the log ({@code run} is where the rules' actions reach the run). */
    void written(LogEvent entry, Run run);

    /** The run's end: what is still being delivered gets its last chance. */
    default void close() {
    }

    /** What the rules may do to the run. */
    interface Run {
        /** Writes an {@code alert} entry with this message and metadata. */
        void log(String message, Metadata.Builder metadata);

        /** Stops the run before its next step, for {@code why}. */
        void stop(String why);
    }
}
