package dev.sigil.log;

/**
 * Whether the log file is refusing writes, and when to try again: the first failure of an episode is reported, then
 * retries back off from one flush interval up to five seconds, and the end of the episode is reported once.
 * Pure apart from the reporter; time is a parameter. Writer thread only.
 */
final class FaultState {

    private static final long MAX_BACKOFF_NANOS = 5_000_000_000L;

    private final long minBackoffNanos;
    private boolean failing;
    private long backoffNanos;
    private long nextRetryNanos;

    FaultState(long minBackoffNanos) {
        this.minBackoffNanos = Math.max(1, minBackoffNanos);
    }

    boolean failing() {
        return failing;
    }

    /** Records a failure at {@code now}; returns true if it starts an episode (the caller reports it). */
    boolean failed(long now) {
        boolean first = !failing;
        failing = true;
        backoffNanos = first ? minBackoffNanos : Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
        nextRetryNanos = now + backoffNanos;
        return first;
    }

    boolean retryDue(long now) {
        return now - nextRetryNanos >= 0;
    }

    long nanosUntilRetry(long now) {
        return Math.max(0, nextRetryNanos - now);
    }

    /** Records a success; returns true if it ends an episode (the caller reports it). */
    boolean succeeded() {
        boolean ended = failing;
        failing = false;
        backoffNanos = 0;
        return ended;
    }
}
