package dev.sigil.monitor.state;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a monitored session stands (seed 001 §3.5, plus INCOMPLETE for a log that stopped without a completion event,
 * seed 001 §8.3.3). The legal moves are listed here so that the reducer's properties can check them.
 */
public enum Status {
    /** Nothing found yet: the log file does not exist (yet). */
    INITIAL,
    /** The log is open but no event of a session has been read. */
    WAITING,
    /** A session is under way. */
    RUNNING,
    /** The log stopped (end of input, or no new line for a while) without {@code session_complete}/{@code session_error}. */
    INCOMPLETE,
    /** {@code session_complete} read. */
    COMPLETE,
    /** {@code session_error} read. */
    ERROR;

    /** Lower-case name, as the documented monitor keeps its status ({@code "complete"}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The session ended with a completion event: the final summary applies. */
    public boolean isFinished() {
        return this == COMPLETE || this == ERROR;
    }

    /** Whether the reducer may move from this status to {@code next} (staying put is always legal). */
    public boolean canMoveTo(Status next) {
        if (next == this || next == WAITING || next == INITIAL) {
            return true; // a reset (truncation, another session) starts over from any state
        }
        return successors().contains(next);
    }

    private Set<Status> successors() {
        return switch (this) {
            case INITIAL, WAITING, INCOMPLETE -> EnumSet.of(RUNNING, INCOMPLETE, COMPLETE, ERROR);
            case RUNNING -> EnumSet.of(INCOMPLETE, COMPLETE, ERROR);
            case COMPLETE, ERROR -> EnumSet.of(RUNNING, COMPLETE, ERROR);
        };
    }
}
