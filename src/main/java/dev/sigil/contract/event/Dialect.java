package dev.sigil.contract.event;

/** Which kind of line an event was decoded from. */
public enum Dialect {
    /** A seed-001 execution entry (has {@code event_type}). */
    EXECUTION_ENTRY,
    /** A seed-002 operation log line (has {@code level} or {@code operation}, no {@code event_type}). */
    OPERATION_LOG,
    /** A line read through a format definition of another producer (docs/formats.md): every line's tokens count. */
    MAPPED,
    /** A JSON object no format recognised. */
    OTHER
}
