package dev.sigil.orchestrate.execute;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Classifies how an external step command failed (docs/orchestrate.md, "Errors"). Exit statuses with a meaning
 * come first (sysexits.h and the shell's conventions), then the words of seed 001's {@code ErrorHandler} in the
 * last line of stderr, then the default: a logic error. Pure.
 *
 * <p>The seed looks for "auth", "memory", "disk" and "space" anywhere in an exception's message. In a command's
 * stderr that stops whole pipelines for nothing: "authority", "whitespace", or a memory step saying that its memory
 * store had no match. Config and system errors stop the run, so their words are matched as the phrases that mean
 * them; the transient words are the seed's (a false positive there only costs a retry).
 */
public final class FailureClassifier {

    /** sysexits.h EX_TEMPFAIL: "try again later". */
    public static final int EX_TEMPFAIL = 75;
    /** sysexits.h EX_CONFIG. */
    public static final int EX_CONFIG = 78;

    private static final Pattern TRANSIENT_WORDS = Pattern.compile("timeout|timed out|rate limit|rate-limit|too many requests");
    private static final Pattern CONFIG_WORDS = Pattern.compile(
            "api[ _-]?key|credential|\\bauth\\b|authenticat|authori[sz]ed|authori[sz]ation");
    private static final Pattern SYSTEM_WORDS = Pattern.compile(
            "out of memory|outofmemory|memoryerror|cannot allocate memory|not enough memory|memory exhausted"
                    + "|no space left|disk full|disk is full|disk quota");

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
        if (TRANSIENT_WORDS.matcher(words).find()) {
            return new StepFailure(ErrorCategory.TRANSIENT, "TransientError", message);
        }
        if (CONFIG_WORDS.matcher(words).find()) {
            return new StepFailure(ErrorCategory.CONFIG, "ConfigError", message);
        }
        if (SYSTEM_WORDS.matcher(words).find()) {
            return new StepFailure(ErrorCategory.SYSTEM, "SystemError", message);
        }
        return new StepFailure(ErrorCategory.LOGIC, "StepError", message);
    }
}
