package dev.sigil.tokens;

import java.io.PrintWriter;
import java.util.Objects;

/** Prints each alert as one line, e.g. {@code sigil: warning: token budget critical: ...}, on the writer given (stderr). */
public final class ConsoleAlertHandler implements AlertHandler {

    private final PrintWriter err;
    private final String prefix;

    /**
     * @param err where to print (the command's stderr writer)
     * @param prefix what starts each line, e.g. {@code "sigil orchestrate: "}
     */
    public ConsoleAlertHandler(PrintWriter err, String prefix) {
        this.err = Objects.requireNonNull(err, "err");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public void onAlert(BudgetAlert alert) {
        String severity = alert.kind() == BudgetAlert.Kind.LEVEL_CHANGED && alert.level() == WarningLevel.EXCEEDED
                ? "error: " : "warning: ";
        err.println(prefix + severity + alert.message());
        err.flush();
    }
}
