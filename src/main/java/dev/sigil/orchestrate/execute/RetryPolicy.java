package dev.sigil.orchestrate.execute;

import java.time.Duration;

/**
 * When to retry a transient failure and how long to wait: exponential backoff from {@code base}, doubled on every
 * retry, capped at {@code max} (seed 001 §9.2: 3 retries, base 1 s, cap 30 s). Pure.
 *
 * @param maxRetries retries after the first try
 * @param base delay before the first retry
 * @param max the longest delay
 */
public record RetryPolicy(int maxRetries, Duration base, Duration max) {

    /** The seed's policy for transient errors. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    /** Whether a failure of {@code category} on try number {@code attempt} (1-based) is tried again. */
    public boolean shouldRetry(ErrorCategory category, int attempt) {
        return category == ErrorCategory.TRANSIENT && attempt <= maxRetries;
    }

    /** The wait before retry number {@code retry} (1-based): base * 2^(retry-1), at most max. */
    public Duration delayBefore(int retry) {
        if (retry < 1) {
            return Duration.ZERO;
        }
        long millis = base.toMillis();
        for (int i = 1; i < retry && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** The same policy with another retry count (a step's own setting). */
    public RetryPolicy withRetries(int retries) {
        return new RetryPolicy(retries, base, max);
    }
}
