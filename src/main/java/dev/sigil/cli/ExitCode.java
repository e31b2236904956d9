package dev.sigil.cli;

/**
 * The closed set of exit codes sigil returns; docs/cli.md lists them for users.
 */
public final class ExitCode {

    /** Everything worked and nothing was wrong with the input. */
    public static final int OK = 0;
    /** The command ran, and found problems: invalid lines, a pipeline that failed. */
    public static final int FINDINGS = 1;
    /** The command could not run as asked: bad arguments, unreadable input, invalid configuration. */
    public static final int USAGE = 2;
    /** The pipeline stopped because its token budget ran out. */
    public static final int BUDGET_EXHAUSTED = 3;
    /** The pipeline stopped because an alert rule with the stop action fired (docs/alerts.md §5). */
    public static final int ALERT_STOPPED = 4;
    /** sigil itself failed (a bug); the message says what to report. */
    public static final int INTERNAL = 70;
    /** Interrupted by Ctrl-C (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
