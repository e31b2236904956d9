package dev.sigil.monitor.state;

/** Where the budget the monitor shows comes from. */
public enum BudgetSource {
    /** No line stated one: the documented default of 256,000 tokens. */
    DEFAULT,
    /** {@code metadata.budget} of {@code session_start}. */
    SESSION_START,
    /** {@code budget_snapshot.total_budget} of an operation-log line (seed 002). */
    SNAPSHOT
}
