package dev.sigil.tokens;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes each alert into the execution log as a {@code budget_warning} or {@code budget_exceeded} entry. The log
 * itself is behind a plain {@link Consumer}, so this package does not depend on the logger: the orchestrator wires
 * it, e.g. {@code new LogAlertHandler(entry -> logger.log(entry.eventType(), entry.component(), entry.message(), 0,
 * entry.metadata()))}.
 */
public final class LogAlertHandler implements AlertHandler {

    private final Consumer<BudgetLogEntry> log;

    public LogAlertHandler(Consumer<BudgetLogEntry> log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void onAlert(BudgetAlert alert) {
        log.accept(BudgetLogEntry.of(alert));
    }
}
