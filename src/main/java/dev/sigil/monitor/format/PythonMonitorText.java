package dev.sigil.monitor.format;

import java.util.function.UnaryOperator;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.cost.Money;
import dev.sigil.monitor.state.ComponentStats;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.spend.SessionSpend;
import dev.sigil.spend.Tally;
import dev.sigil.text.TerminalText;

/**
 * The text the documented Python monitor prints (seed 001 §4.3: {@code _print_header}, {@code _wait_for_file},
 * {@code _display_stream}, {@code _display_minimal}, {@code _display_final_summary}), byte for byte. Every value
 * that comes from a log passes through {@code field} first: identity when stdout is not a terminal (the bytes are
 * Python's), {@link TerminalText#visible} when it is.
 */
public final class PythonMonitorText {

    private static final String RULE_50 = "=".repeat(50);
    private static final String RULE_60 = "=".repeat(60);

    private final UnaryOperator<String> field;

    public PythonMonitorText(UnaryOperator<String> field) {
        this.field = field;
    }

    /** Bytes exactly as Python writes them. */
    public static PythonMonitorText raw() {
        return new PythonMonitorText(UnaryOperator.identity());
    }

    /** Log content made visible, for a terminal. */
    public static PythonMonitorText forTerminal() {
        return new PythonMonitorText(TerminalText::visible);
    }

    /** {@code _print_header} followed by what {@code _wait_for_file} prints before the file exists. */
    public String header(String sessionId) {
        String id = field.apply(sessionId);
        return "\n" + RULE_50 + "\n"
                + "       SIGIL v2 EXECUTION MONITOR\n"
                + RULE_50 + "\n"
                + "Session: " + id + "\n"
                + "Status: Initializing...\n"
                + "-".repeat(50) + "\n"
                + "Waiting for session " + id + "...\n";
    }

    /** What {@code _wait_for_file} prints once the file exists. */
    public String found(String logFile) {
        return "Found log file: " + field.apply(logFile) + "\n";
    }

    /**
     * {@code _display_stream} for one event: {@code [HH:MM:SS] component: message (N tokens)}, the Python monitor's
     * bytes; an event with an error record adds its code and suggestion, {@code  [CODE] suggestion}, before the newline.
     */
    public String streamLine(LogEvent e) {
        String line = "[" + field.apply(clock(e.timestamp())) + "] " + field.apply(e.component()) + ": "
                + field.apply(e.message()) + " (" + e.tokens() + " tokens)";
        if (!e.hasErrorCode()) {
            return line + "\n";
        }
        return line + " [" + field.apply(e.errorCode()) + "]" + (e.suggestion().isEmpty() ? "" : " " + field.apply(e.suggestion())) + "\n";
    }

    /** {@code _display_minimal}: a carriage return and the token line, no newline. */
    public String minimalLine(SessionStats s) {
        String tokens = "\rTokens: " + PyFormat.grouped(s.tokensUsed()) + " / " + PyFormat.grouped(s.budget()) + " ("
                + PyFormat.fixed(s.budgetPercentage(), 2) + "%)";
        SessionSpend spend = s.spending();
        if (!spend.hasModels()) {
            return tokens;
        }
        Tally t = spend.total();
        return tokens + "  Cost: " + Money.brief(t.usd()) + (spend.hasBudgetUsd() ? " / " + Money.brief(spend.budgetUsd()) : "")
                + (t.unpricedTokens() > 0 ? " + " + PyFormat.grouped(t.unpricedTokens()) + " unpriced tokens" : "");
    }

    /** {@code _display_final_summary}; {@code elapsedSeconds} as {@link SessionStats#elapsedSeconds} gives it. */
    public String finalSummary(String sessionId, SessionStats s, double elapsedSeconds) {
        return summary("EXECUTION COMPLETE", null, s.status().label().toUpperCase(java.util.Locale.ROOT), "Final Token Usage:",
                sessionId, s, elapsedSeconds);
    }

    /**
     * The "session incomplete" of seed 001 §8.3.3, for a log that stopped without {@code session_complete} or
     * {@code session_error} (§8.3.1: the pipeline crashed and the monitor shows its last known state): the final
     * summary's form, under its own title, with the figures so far. sigil's addition; the documented monitor waits.
     */
    public String incompleteSummary(String sessionId, SessionStats s, double elapsedSeconds) {
        return summary("SESSION INCOMPLETE", INCOMPLETE_NOTE, "INCOMPLETE", "Token Usage So Far:", sessionId, s, elapsedSeconds);
    }

    /** What the incomplete summary says under its title. */
    public static final String INCOMPLETE_NOTE = "Session incomplete: the log has no session_complete or session_error (yet).";

    private String summary(String title, String note, String status, String tokensHeading, String sessionId, SessionStats s,
                           double elapsedSeconds) {
        StringBuilder out = new StringBuilder(512);
        out.append('\n').append(RULE_60).append('\n')
                .append("           ").append(title).append('\n')
                .append(RULE_60).append('\n');
        if (note != null) {
            out.append('\n').append(note).append('\n');
        }
        out.append("\nSession:  ").append(field.apply(sessionId)).append('\n')
                .append("Status:   ").append(status).append('\n')
                .append("Duration: ").append(PyFormat.fixed(elapsedSeconds, 1)).append("s\n")
                .append('\n').append(tokensHeading).append('\n')
                .append("  Total:     ").append(PyFormat.grouped(s.tokensUsed())).append(" / ").append(PyFormat.grouped(s.budget())).append('\n')
                .append("  Percentage: ").append(PyFormat.fixed(s.budgetPercentage(), 2)).append("%\n")
                .append("  Remaining:  ").append(PyFormat.grouped(s.tokensRemaining())).append('\n');
        if (!s.components().isEmpty()) {
            out.append("\nComponent Breakdown:\n");
            for (ComponentStats c : s.components()) {
                out.append("  ").append(PyFormat.padRight(field.apply(c.name()), 12)).append(": ")
                        .append(PyFormat.grouped(c.tokens())).append(" tokens, ")
                        .append(PyFormat.fixed(c.totalLatencyMs(), 0)).append("ms").append(componentCost(s.spending(), c.name()))
                        .append('\n');
            }
        }
        cost(out, s.spending());
        out.append('\n').append(RULE_60).append('\n');
        return out.toString();
    }

    /** {@code , $0.0123} (or {@code , unpriced}) after a component's figures, when the session names a model. */
    private static String componentCost(SessionSpend spend, String component) {
        Tally t = spend.components().get(component);
        if (!spend.hasModels() || t == null) {
            return "";
        }
        String more = t.priced() && t.unpricedTokens() > 0 ? " + " + PyFormat.grouped(t.unpricedTokens()) + " unpriced tokens" : "";
        return t.cost().map(usd -> ", " + Money.brief(usd) + more).orElse(", unpriced");
    }

    /** The session's cost, per model, and its unpriced tokens; nothing when no line names a model. */
    private void cost(StringBuilder out, SessionSpend spend) {
        if (!spend.hasModels()) {
            return;
        }
        Tally t = spend.total();
        out.append("\nFinal Cost:\n  Total:      ").append(Money.brief(t.usd()));
        if (spend.hasBudgetUsd()) {
            out.append(" / ").append(Money.brief(spend.budgetUsd()));
        }
        out.append('\n');
        spend.models().forEach((model, m) -> out.append("  ").append(field.apply(model)).append(": ")
                .append(m.cost().map(Money::brief).orElse("unpriced")).append(", ").append(PyFormat.grouped(m.totalTokens()))
                .append(" tokens\n"));
        if (t.unpricedTokens() > 0) {
            out.append("  Unpriced:   ").append(PyFormat.grouped(t.unpricedTokens())).append(" tokens (no price known: never counted as $0)\n");
        }
    }

    /**
     * The time of day as the documented monitor cuts it from a timestamp: {@code timestamp.split("T")[1].split(".")[0]}.
     * Python fails on a timestamp without {@code T}; sigil shows such a timestamp whole.
     */
    public static String clock(String timestamp) {
        int t = timestamp.indexOf('T');
        if (t < 0) {
            return timestamp;
        }
        int next = timestamp.indexOf('T', t + 1);
        String part = timestamp.substring(t + 1, next < 0 ? timestamp.length() : next);
        int dot = part.indexOf('.');
        return dot < 0 ? part : part.substring(0, dot);
    }
}
