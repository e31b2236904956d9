package dev.sigil.contract.event;

import dev.sigil.contract.model.Component;

/**
 * The one rule by which readers add up a session's tokens (docs/contract.md §4 and §9): every line's tokens count,
 * except a {@code session_complete} whose tokens restate the session's running total (the seed-001 orchestrator
 * writes its total again there), the orchestrator lines of a seed-002 log (which repeat the steps' tokens), and lines
 * of no dialect. The monitor, {@code sigil report} and the cost of a session all count by it. Pure.
 */
public final class CountedTokens {

    private CountedTokens() {
    }

    /** The tokens {@code e} adds to its session, whose lines so far add up to {@code sessionTotal}. */
    public static long of(LogEvent e, long sessionTotal) {
        return switch (e.dialect()) {
            case EXECUTION_ENTRY -> restates(e, sessionTotal) ? 0 : e.tokens();
            case OPERATION_LOG -> e.contractComponent() == Component.ORCHESTRATOR ? 0 : e.tokens();
            case MAPPED -> e.tokens(); // each line reports its own call (a restated one counts only what it adds: docs/formats.md)
            case OTHER -> 0;
        };
    }

    /** Whether {@code e} is a completion that restates the running total {@code sessionTotal} rather than adding to it. */
    public static boolean restates(LogEvent e, long sessionTotal) {
        return e.dialect() == Dialect.EXECUTION_ENTRY && e.eventType().equals("session_complete") && e.tokens() > 0
                && e.tokens() == sessionTotal;
    }
}
