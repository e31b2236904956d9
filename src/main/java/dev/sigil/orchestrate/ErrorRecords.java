package dev.sigil.orchestrate;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import dev.sigil.contract.errors.ErrorCode;
import dev.sigil.contract.event.Level;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.ErrorContext;
import dev.sigil.contract.model.ErrorInfo;

/**
 * The error records the orchestrator writes in {@code metadata.error_info} (docs/errors.md): a code of the one table,
 * its category and error type, the severity by seed 001's rule (critical for the entry that aborts a run), the
 * suggestion and where it happened. Pure.
 */
final class ErrorRecords {

    private ErrorRecords() {
    }

    /**
     * Where an error happened: the component and operation, the try that failed and the tries allowed (0: not a
     * try of an operation), whether some steps completed and their outputs are kept.
     */
    record Where(Component component, String operation, int attempt, int maxAttempts, boolean partialResult) {

        ErrorContext context() {
            return new ErrorContext(Optional.of(component.wireName()), Optional.of(operation),
                    attempt > 0 ? OptionalLong.of(attempt) : OptionalLong.empty(),
                    maxAttempts > 0 ? OptionalLong.of(maxAttempts) : OptionalLong.empty(), Optional.of(partialResult));
        }
    }

    /** A failure of a try: recoverable when it is retried or the pipeline goes on without it. */
    static ErrorInfo failure(ErrorCode code, String message, boolean recoverable, Optional<Duration> retryAfter, Where where) {
        return info(code, message, recoverable, code.severity(where.attempt()), retryAfter, where);
    }

    /**
     * The error that ends a run: not recoverable, and critical unless the user asked for the stop (an interruption,
     * a warning): seed 002's orchestrator logs CRITICAL when it aborts.
     */
    static ErrorInfo abort(ErrorCode code, String message, Where where) {
        Level severity = code == ErrorCode.RUN_001 ? code.severity(1) : Level.CRITICAL;
        return info(code, message, false, severity, Optional.empty(), where);
    }

    private static ErrorInfo info(ErrorCode code, String message, boolean recoverable, Level severity, Optional<Duration> retryAfter,
                                  Where where) {
        return new ErrorInfo(code.errorType(), message, code.code(), recoverable, Optional.of(code.category().wireName()),
                Optional.of(severity.wireName()), retryAfter.map(d -> OptionalLong.of(d.toMillis())).orElse(OptionalLong.empty()),
                Optional.of(code.suggestion()), Optional.of(where.context()));
    }
}
