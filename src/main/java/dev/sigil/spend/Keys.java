package dev.sigil.spend;

import dev.sigil.contract.event.Dialect;
import dev.sigil.contract.event.LogEvent;

/** The names lines are grouped by, for the dashboard and {@code sigil report}: one rule each. */
public final class Keys {

    /** The model of tokens without a usage record. */
    public static final String UNKNOWN_MODEL = "(unknown model)";
    /** A component, operation or session a line does not name. */
    public static final String NONE = "(none)";

    private Keys() {
    }

    /** The model of the line's usage, or {@link #UNKNOWN_MODEL}. */
    public static String model(LogEvent e) {
        return e.usage().hasModel() ? CallTree.cut(e.usage().model()) : UNKNOWN_MODEL;
    }

    /** The component: a seed-002 name as the contract's (docs/contract.md §9), any other as written. */
    public static String component(LogEvent e) {
        String name = e.dialect() == Dialect.OPERATION_LOG && e.contractComponent() != null ? e.contractComponent().wireName()
                : e.component();
        return name.isEmpty() ? NONE : CallTree.cut(name);
    }

    /** The operation: what an execution entry names in {@code metadata.operation}, else the line's own (its event type). */
    public static String operation(LogEvent e) {
        String op = e.attribution().operation().isEmpty() ? e.operation() : e.attribution().operation();
        return op.isEmpty() ? NONE : CallTree.cut(op);
    }

    /** The session the line names, else {@code fallback} (the session of its file). */
    public static String session(LogEvent e, String fallback) {
        String s = e.sessionId().isEmpty() ? fallback : e.sessionId();
        return s.isEmpty() ? NONE : CallTree.cut(s);
    }
}
