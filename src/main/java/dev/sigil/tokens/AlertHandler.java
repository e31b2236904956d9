package dev.sigil.tokens;

/**
 * Receives budget alerts: the console, the execution log, a test. Called in the order the alerts happen, one at a
 * time; a handler that throws does not stop the others (the failure is kept in the alert history).
 */
@FunctionalInterface
public interface AlertHandler {

    void onAlert(BudgetAlert alert);
}
