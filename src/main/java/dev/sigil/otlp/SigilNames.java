package dev.sigil.otlp;

/**
 * sigil's own attribute names, for what no convention names (docs/otlp.md, the mapping table). Defined once; the
 * receiver reads the same names back.
 */
public final class SigilNames {

    /** The instrumentation scope of everything sigil sends. */
    public static final String SCOPE = "dev.sigil";

    /** US dollars a model call cost, from the exact prices (docs/cost.md); absent when unpriced, never 0 for unknown. */
    public static final String COST_USD = "sigil.cost.usd";
    /** The line's event type (session_start, step_complete, ...). */
    public static final String EVENT_TYPE = "sigil.event_type";
    /** The line's component as written (orchestrator, routing, ... or a producer's own name). */
    public static final String COMPONENT = "sigil.component";
    /** The operation within the component (metadata.operation, or the event type). */
    public static final String OPERATION = "sigil.operation";
    /** The line's own tokens (the contract's {@code tokens}), when not 0. */
    public static final String TOKENS = "sigil.tokens";
    /** The line's metadata object as canonical JSON (CPython's bytes), when it has one that is not empty. */
    public static final String METADATA = "sigil.metadata";
    /** The line's timestamp as written (naive or aware), which the record's time cannot say. */
    public static final String TIMESTAMP = "sigil.timestamp";
    /** The number of the line within its session's lines, from 1: its place in the log. */
    public static final String LINE = "sigil.line";
    /** The level as the line states or implies it (debug, info, warning, error, critical). */
    public static final String LEVEL = "sigil.level";
    /** The code of the line's error record (docs/errors.md: {@code API_001}, {@code TOKEN_001}, ...), when it has one. */
    public static final String ERROR_CODE = "sigil.error.code";
    /** A span still open when the log ended (no completion line): its end is the last line seen. */
    public static final String UNFINISHED = "sigil.unfinished";
    /** On the resource: the session whose lines these are (the receiver writes them back into it). */
    public static final String SESSION = "sigil.session.id";

    private SigilNames() {
    }
}
