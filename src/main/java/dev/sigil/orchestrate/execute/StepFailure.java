package dev.sigil.orchestrate.execute;

import java.time.Duration;
import java.util.Optional;

import dev.sigil.contract.errors.ErrorCategory;
import dev.sigil.contract.errors.ErrorCode;

/**
 * A step that did not produce output: its error code (and through it the category and the error type written to
 * the log), a one-line reason, and how long the provider asked to wait before the next call, if it said.
 */
public final class StepFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Optional<Duration> retryAfter;

    public StepFailure(ErrorCode code, String message) {
        this(code, message, Optional.empty());
    }

    public StepFailure(ErrorCode code, String message, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorCategory category() {
        return code.category();
    }

    public String errorType() {
        return code.errorType();
    }

    /** The wait the provider asked for (a rate limit's retry_after), if it gave one. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
