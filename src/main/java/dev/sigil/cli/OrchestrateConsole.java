package dev.sigil.cli;

import java.io.PrintWriter;
import java.util.Locale;

import dev.sigil.contract.errors.ErrorCode;
import dev.sigil.cost.Money;
import dev.sigil.orchestrate.OrchestrationResult;
import dev.sigil.orchestrate.StepOutcome;
import dev.sigil.text.TerminalText;

/**
 * What {@code sigil orchestrate} prints on the console (seed 000 §6.3.2): the processing line, the session, each
 * step with {@code --verbose}, and the closing block with the result and {@code Final Tokens: X / budget}.
 */
final class OrchestrateConsole {

    private static final String RULE = "=".repeat(40);

    private final PrintWriter out;
    private final boolean verbose;

    OrchestrateConsole(PrintWriter out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    void starting(String task, String sessionId, String logFile, boolean resume) {
        out.println("Processing request: " + TerminalText.visible(task));
        out.println("Session: " + sessionId);
        if (verbose) {
            out.println("Log: " + TerminalText.visible(logFile));
        }
        out.println(resume ? "Pipeline resuming..." : "Pipeline starting...");
        out.flush();
    }

    /** The dashboard was left with the run going on: it finishes here, and the closing block follows. */
    void detached(String logFile) {
        out.println("Detached: the run goes on (Ctrl-C stops it); its log: " + TerminalText.visible(logFile));
        out.flush();
    }

    void step(StepOutcome step) {
        if (!verbose) {
            return;
        }
        String what = step.resumed() ? "done earlier" : step.success() ? String.format(Locale.ROOT, "%,d tokens  %.1fs", step.tokens(),
                step.latencyMs() / 1000) : "FAILED: " + TerminalText.visible(step.error());
        out.printf(Locale.ROOT, "  [%-10s] %-28s %s%n", step.component().wireName(), step.id(), what);
        out.flush();
    }

    void finished(OrchestrationResult r) {
        finished(r, false);
    }

    /** The closing block; {@code afterSummary}: the dashboard's final summary was just printed, so no second header. */
    void finished(OrchestrationResult r, boolean afterSummary) {
        if (!afterSummary) {
            out.println();
            out.println(RULE);
            out.println(switch (r.status()) {
                case COMPLETED, COMPLETED_WITH_FAILURES -> "EXECUTION COMPLETE";
                case BUDGET_EXHAUSTED -> r.error().startsWith("cost budget") ? "EXECUTION STOPPED: COST BUDGET EXHAUSTED"
                        : "EXECUTION STOPPED: TOKEN BUDGET EXHAUSTED";
                case INTERRUPTED -> "EXECUTION INTERRUPTED";
                case ALERT_STOPPED -> "EXECUTION STOPPED: ALERT RULE";
                case FAILED -> "EXECUTION FAILED";
            });
            out.println(RULE);
        }
        out.println("Result: " + TerminalText.visible(summary(r)));
        ErrorCode.of(r.errorCode()).ifPresent(code -> out.println("Error " + code.code() + ": " + code.suggestion()));
        out.printf(Locale.ROOT, "Final Tokens: %,d / %,d%n", r.totalTokens(), r.budget());
        if (r.usage().priced() || r.budgetUsd().isPresent()) {
            out.println("Final Cost: " + Money.brief(r.usage().usd()) + r.budgetUsd().map(b -> " / " + Money.brief(b)).orElse("")
                    + (r.usage().unpricedTokens() > 0 ? String.format(Locale.ROOT, " (+%,d unpriced tokens)", r.usage().unpricedTokens()) : ""));
        }
        out.flush();
    }

    static String summary(OrchestrationResult r) {
        return switch (r.status()) {
            case COMPLETED -> "Complete: " + r.stepsCompleted() + " steps" + quality(r);
            case COMPLETED_WITH_FAILURES -> "Complete with problems: " + r.stepsCompleted() + " steps done, " + r.stepsFailed()
                    + " failed" + quality(r);
            default -> r.errorType() + ": " + r.error();
        };
    }

    private static String quality(OrchestrationResult r) {
        return r.qualityScore().isPresent() ? String.format(Locale.ROOT, ", quality %.2f", r.qualityScore().getAsDouble()) : "";
    }
}
