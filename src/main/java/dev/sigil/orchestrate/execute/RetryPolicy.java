package dev.sigil.orchestrate.execute;

import java.time.Duration;

import dev.sigil.contract.errors.ErrorCategory;

/**
 * When to retry a transient failure and how long to wait: exponential backoff from {@code base}, doubled on every
 * retry, capped at {@code max} (seed 001 §9.2: 3 retries, base 1 s, cap 30 s); a rate limit waits for the time
 * the provider named instead (seed 001 §9.3: "wait for reset, then retry"). Pure.
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

    /**
     * The longest wait a provider may ask for with its {@code retry_after}: a rate limit that resets later than this
     * fails the step instead of holding the run (docs/errors.md, API_001).
     */
    public static final Duration MAX_ASKED_WAIT = Duration.ofMinutes(10);

    /** Whether a failure of {@code category} on try number {@code attempt} (1-based) is tried again. */
    public boolean shouldRetry(ErrorCategory category, int attempt) {
        return category == ErrorCategory.TRANSIENT && attempt <= maxRetries;
    }

    /** Whether {@code failure} on try {@code attempt} is tried again: transient, tries left, a wait it may take. */
    public boolean shouldRetry(StepFailure failure, int attempt) {
        return shouldRetry(failure.category(), attempt) && failure.retryAfter().map(d -> d.compareTo(MAX_ASKED_WAIT) <= 0).orElse(true);
    }

    /** The wait before retry number {@code retry} of {@code failure}: what the provider asked for, else the backoff. */
    public Duration delayBefore(int retry, StepFailure failure) {
        return failure.retryAfter().orElseGet(() -> delayBefore(retry));
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
