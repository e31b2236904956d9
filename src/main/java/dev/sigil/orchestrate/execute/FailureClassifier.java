package dev.sigil.orchestrate.execute;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sigil.contract.errors.ErrorCode;

/**
 * Classifies how an external step command failed (docs/orchestrate.md, "Errors"; the codes in docs/errors.md). A
 * provider's error the step reports on stdout comes first (its HTTP status and type, its {@code retry_after}), then
 * exit statuses with a meaning (sysexits.h and the shell's conventions), then the words of seed 001's
 * {@code ErrorHandler} in the last line of stderr, then the default: a logic error. Pure.
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

    private static final Pattern RATE_WORDS = Pattern.compile("rate limit|rate-limit|too many requests|\\b429\\b");
    private static final Pattern UNAVAILABLE_WORDS = Pattern.compile(
            "service unavailable|overloaded|bad gateway|gateway timeout|\\b50[234]\\b|\\b529\\b");
    private static final Pattern TIMEOUT_WORDS = Pattern.compile("timeout|timed out");
    private static final Pattern KEY_WORDS = Pattern.compile(
            "invalid (x-)?api[ _-]?key|incorrect api[ _-]?key|api[ _-]?key (is )?(invalid|not valid|revoked|expired)|\\b401\\b"
                    + "|unauthori[sz]ed|authentication[ _]?error|authentication failed|invalid_api_key");
    private static final Pattern CONFIG_WORDS = Pattern.compile(
            "api[ _-]?key|credential|\\bauth\\b|authenticat|authori[sz]ed|authori[sz]ation");
    private static final Pattern SYSTEM_WORDS = Pattern.compile(
            "out of memory|outofmemory|memoryerror|cannot allocate memory|not enough memory|memory exhausted"
                    + "|no space left|disk full|disk is full|disk quota");
    /** "Retry-After: 20", "retry after 1.5s", "retry_after=300ms": a wait the provider asked for. */
    private static final Pattern RETRY_AFTER = Pattern.compile(
            "retry[-_ ]?after[\"']?\\s*[:=]?\\s*([0-9]{1,9}(?:\\.[0-9]{1,6})?)\\s*(ms|s|sec|seconds)?\\b");

    private FailureClassifier() {
    }

    /** A command that ran past its timeout: transient, like a network timeout. */
    public static StepFailure timeout(String command, long timeoutMillis) {
        return new StepFailure(ErrorCode.STEP_001, command + " timed out after " + timeoutMillis + " ms");
    }

    /** A command that could not be started at all (not found, not executable): a configuration error. */
    public static StepFailure notStarted(String command, String reason) {
        return new StepFailure(ErrorCode.CONFIG_002, "cannot run " + command + ": " + reason);
    }

    /** A command whose stdout held more than the bytes sigil keeps. */
    public static StepFailure tooLarge(String command, long maxBytes) {
        return new StepFailure(ErrorCode.STEP_005, command + " wrote more than " + maxBytes + " bytes to stdout");
    }

    /**
     * The error of a provider (a model API) that a step reported on stdout as {@code {"error": {...}}}.
     *
     * @param httpStatus the HTTP status of the provider's answer, or -1
     * @param type the provider's error type (Anthropic's {@code rate_limit_error}, OpenAI's {@code invalid_api_key}), or ""
     * @param message the provider's message, or ""
     * @param retryAfter the wait the provider asked for, if it did
     */
    public static Optional<StepFailure> providerError(String command, int httpStatus, String type, String message,
                                                      Optional<Duration> retryAfter) {
        String t = type.toLowerCase(Locale.ROOT);
        String what = command + " reported " + (httpStatus > 0 ? "HTTP " + httpStatus + " " : "") + (t.isEmpty() ? "" : t + " ")
                + "from its provider" + (message.isBlank() ? "" : ": " + message.strip());
        if (httpStatus == 429 || t.contains("rate_limit") || t.contains("rate-limit")) {
            return Optional.of(new StepFailure(ErrorCode.API_001, what, retryAfter));
        }
        if (httpStatus == 401 || httpStatus == 403 || t.contains("authentication") || t.contains("invalid_api_key")
                || t.contains("permission")) {
            return Optional.of(new StepFailure(ErrorCode.API_003, what + " (the API key was refused; not retried)"));
        }
        if (httpStatus >= 500 && httpStatus <= 599 || t.contains("overloaded") || t.contains("unavailable")) {
            return Optional.of(new StepFailure(ErrorCode.API_002, what, retryAfter));
        }
        return Optional.empty();
    }

    /** A command that exited with {@code status}; {@code stderrTail} is the last line it wrote to stderr. */
    public static StepFailure exited(String command, int status, String stderrTail) {
        String detail = stderrTail == null || stderrTail.isBlank() ? "" : ": " + stderrTail.strip();
        String message = command + " exited with status " + status + detail;
        if (status == EX_TEMPFAIL) {
            return new StepFailure(ErrorCode.STEP_002, message);
        }
        if (status == EX_CONFIG) {
            return new StepFailure(ErrorCode.CONFIG_001, message);
        }
        if (status == 126 || status == 127) {
            return new StepFailure(ErrorCode.CONFIG_002, message);
        }
        if (status > 128 && status < 128 + 65) {
            return new StepFailure(ErrorCode.SYSTEM_001, message + " (killed by signal " + (status - 128) + ")");
        }
        String words = stderrTail == null ? "" : stderrTail.toLowerCase(Locale.ROOT);
        if (RATE_WORDS.matcher(words).find()) {
            return new StepFailure(ErrorCode.API_001, message, retryAfter(words));
        }
        if (UNAVAILABLE_WORDS.matcher(words).find()) {
            return new StepFailure(ErrorCode.API_002, message, retryAfter(words));
        }
        if (TIMEOUT_WORDS.matcher(words).find()) {
            return new StepFailure(ErrorCode.STEP_003, message);
        }
        if (KEY_WORDS.matcher(words).find()) {
            return new StepFailure(ErrorCode.API_003, message + " (the API key was refused; not retried)");
        }
        if (CONFIG_WORDS.matcher(words).find()) {
            return new StepFailure(ErrorCode.CONFIG_001, message);
        }
        if (SYSTEM_WORDS.matcher(words).find()) {
            return new StepFailure(ErrorCode.SYSTEM_002, message);
        }
        return new StepFailure(ErrorCode.STEP_004, message);
    }

    /** The wait a text asks for ("Retry-After: 20", "retry after 1.5 s", "retry_after=250ms"), if it names one. */
    static Optional<Duration> retryAfter(String lowerCaseText) {
        Matcher m = RETRY_AFTER.matcher(lowerCaseText);
        if (!m.find()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(m.group(1));
        double millis = "ms".equals(m.group(2)) ? value : value * 1000;
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }
}
