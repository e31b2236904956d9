package dev.sigil.contract.errors;

import java.util.Optional;

import dev.sigil.contract.event.Level;

/**
 * Every error code sigil writes, with its category, the error type written beside it and what to do about it: the
 * one table (docs/errors.md lists the same rows; {@code ErrorCodesDocTest} keeps the two equal, and no other source
 * file may spell a code). A code never changes its meaning once released; a new failure gets a new code.
 */
public enum ErrorCode {
    STEP_001(ErrorCategory.TRANSIENT, "TimeoutError", "A step ran past its timeout",
            "Will retry automatically; if it keeps timing out, raise the step's timeout"),
    STEP_002(ErrorCategory.TRANSIENT, "TemporaryFailure", "A step command exited with status 75 (EX_TEMPFAIL)", null),
    STEP_003(ErrorCategory.TRANSIENT, "TransientError", "A step's error output reports a timeout or a rate limit", null),
    STEP_004(ErrorCategory.LOGIC, "StepError", "A step command failed (any other non-zero exit status)", null),
    STEP_005(ErrorCategory.LOGIC, "OutputTooLarge", "A step command wrote more than 16 MiB to stdout",
            "Check input and try again; a step must write its output in less than 16 MiB"),
    API_001(ErrorCategory.TRANSIENT, "RateLimitError", "The provider refused the call for its rate limit (HTTP 429)",
            "Will retry automatically once the provider's retry_after has passed"),
    API_002(ErrorCategory.TRANSIENT, "ServiceUnavailableError", "The provider is overloaded or down (HTTP 5xx)", null),
    API_003(ErrorCategory.CONFIG, "AuthenticationError", "The provider refused the API key (HTTP 401 or 403)",
            "Check the API key the step uses (its environment or configuration), then run again: not retried"),
    CONFIG_001(ErrorCategory.CONFIG, "ConfigError", "A step reports a configuration problem (status 78, or a missing key or credential)", null),
    CONFIG_002(ErrorCategory.CONFIG, "FileNotFoundError", "A step's command cannot be run (not found, not executable: status 126, 127)",
            "Check configuration and restart: the step's command in the pipeline file must name a program that runs"),
    SYSTEM_001(ErrorCategory.SYSTEM, "ProcessKilled", "A step's command was killed by a signal", null),
    SYSTEM_002(ErrorCategory.SYSTEM, "SystemError", "A step reports memory or disk exhaustion", null),
    SYSTEM_003(ErrorCategory.SYSTEM, "MemoryError", "sigil itself ran out of memory (its JVM's heap) during the run",
            "Give sigil a larger heap (SIGIL_JAVA_OPTS=-Xmx..., the message names one) and resume with --resume"),
    CONTRACT_002(ErrorCategory.LOGIC, "ContractValidationError", "The contract check found missing deliverables",
            "Will retry once with the check's feedback"),
    CONTRACT_003(ErrorCategory.LOGIC, "ContractValidationError", "The contract check failed again after its retry with feedback",
            "Check input and try again: the output is kept as it is, without the missing deliverables"),
    PLAN_001(ErrorCategory.LOGIC, "PlanError", "The planning step's output is not a plan that can run",
            "Check input and try again: the planning step must return its steps as JSON"),
    TOKEN_001(ErrorCategory.CONFIG, "BudgetExhaustedError", "The token budget ran out; the next step did not start",
            "Raise the budget (--budget or token_budget.default_total) and resume with --resume"),
    TOKEN_002(ErrorCategory.CONFIG, "BudgetExhaustedError", "The dollar budget ran out; the next step did not start",
            "Raise the dollar budget (--budget-usd or token_budget.usd) and resume with --resume"),
    RUN_001(ErrorCategory.SYSTEM, "KeyboardInterrupt", "The run was interrupted (Ctrl-C, SIGTERM, q in the dashboard)",
            "Resume the session with --resume to run the steps that are left"),
    RUN_002(ErrorCategory.CONFIG, "AlertStopError", "An alert rule with the stop action fired; the next step did not start",
            "See the alert entry in the log and the rule in the rules file; resume with --resume once the cause is dealt with");

    private final ErrorCategory category;
    private final String errorType;
    private final String meaning;
    private final String suggestion;

    ErrorCode(ErrorCategory category, String errorType, String meaning, String suggestion) {
        this.category = category;
        this.errorType = errorType;
        this.meaning = meaning;
        this.suggestion = suggestion == null ? category.suggestion() : suggestion;
    }

    /** The code as written, e.g. {@code TOKEN_001}. */
    public String code() {
        return name();
    }

    public ErrorCategory category() {
        return category;
    }

    /** The {@code error_type} written with the code (a Python exception class name, as seed 001 writes them). */
    public String errorType() {
        return errorType;
    }

    /** What the code means, one line (docs/errors.md). */
    public String meaning() {
        return meaning;
    }

    /** What to do about it, one line. */
    public String suggestion() {
        return suggestion;
    }

    /**
     * The severity of a failure with this code on try {@code attempt}: the category's rule (seed 001), except for an
     * interruption, which the user asked for and which is a warning.
     */
    public Level severity(int attempt) {
        return this == RUN_001 ? Level.WARNING : category.severity(attempt);
    }

    /** The code written as {@code code}, if sigil has it. */
    public static Optional<ErrorCode> of(String code) {
        for (ErrorCode c : values()) {
            if (c.name().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The suggestion a reader shows for a line: the line's own, else the one of its code if sigil knows the code,
     * else its category's, else "".
     */
    public static String suggestionFor(String written, String code, String category) {
        if (written != null && !written.isEmpty()) {
            return written;
        }
        if ((code == null || code.isEmpty()) && (category == null || category.isEmpty())) {
            return ""; // the common case of a line that is no error: nothing to look up
        }
        Optional<ErrorCode> known = of(code);
        if (known.isPresent()) {
            return known.get().suggestion();
        }
        ErrorCategory c = ErrorCategory.fromWire(category);
        return c == null ? "" : c.suggestion();
    }
}
