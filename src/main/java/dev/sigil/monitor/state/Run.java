package dev.sigil.monitor.state;

/**
 * Whether the dashboard is attached to a run ({@code sigil orchestrate --monitor}) and how it stands: while the run
 * goes on, {@code q} asks before it stops it and {@code d} leaves it running; once it ended, the dashboard stays
 * until the user leaves.
 */
public enum Run {
    /** A monitor of its own ({@code sigil monitor}): no run to stop. */
    NONE,
    /** Attached to a run that goes on. */
    RUNNING,
    /** Attached to a run that has ended. */
    ENDED
}
