package dev.sigil.orchestrate.execute;

import java.util.Locale;

/**
 * Classifies how an external step command failed (docs/orchestrate.md, "Errors"). Exit statuses with a meaning
 * come first (sysexits.h and the shell's conventions), then the words of seed 001's {@code ErrorHandler} in the
 * last line of stderr, then the default: a logic error. Pure.
 */
public final class FailureClassifier {

    /** sysexits.h EX_TEMPFAIL: "try again later". */
    public static final int EX_TEMPFAIL = 75;
    /** sysexits.h EX_CONFIG. */
    public static final int EX_CONFIG = 78;

    private FailureClassifier() {
    }

    /** A command that ran past its timeout: transient, like a network timeout. */
    public static StepFailure timeout(String command, long timeoutMillis) {
        return new StepFailure(ErrorCategory.TRANSIENT, "TimeoutError", command + " timed out after " + timeoutMillis + " ms");
    }

    /** A command that could not be started at all (not found, not executable): a configuration error. */
    public static StepFailure notStarted(String command, String reason) {
        return new StepFailure(ErrorCategory.CONFIG, "FileNotFoundError", "cannot run " + command + ": " + reason);
    }

    /** A command that exited with {@code status}; {@code stderrTail} is the last line it wrote to stderr. */
    public static StepFailure exited(String command, int status, String stderrTail) {
        String detail = stderrTail == null || stderrTail.isBlank() ? "" : ": " + stderrTail.strip();
        String message = command + " exited with status " + status + detail;
        if (status == EX_TEMPFAIL) {
            return new StepFailure(ErrorCategory.TRANSIENT, "TemporaryFailure", message);
        }
        if (status == EX_CONFIG || status == 126 || status == 127) {
            return new StepFailure(ErrorCategory.CONFIG, status == EX_CONFIG ? "ConfigError" : "FileNotFoundError", message);
        }
        if (status > 128 && status < 128 + 65) {
            return new StepFailure(ErrorCategory.SYSTEM, "ProcessKilled", message + " (killed by signal " + (status - 128) + ")");
        }
        String words = stderrTail == null ? "" : stderrTail.toLowerCase(Locale.ROOT);
        if (words.contains("timeout") || words.contains("timed out") || words.contains("rate limit")) {
            return new StepFailure(ErrorCategory.TRANSIENT, "TransientError", message);
        }
        if (words.contains("api key") || words.contains("credential") || words.contains("auth")) {
            return new StepFailure(ErrorCategory.CONFIG, "ConfigError", message);
        }
        if (words.contains("memory") || words.contains("disk") || words.contains("space")) {
            return new StepFailure(ErrorCategory.SYSTEM, "SystemError", message);
        }
        return new StepFailure(ErrorCategory.LOGIC, "StepError", message);
    }
}
