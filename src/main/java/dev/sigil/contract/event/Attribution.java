package dev.sigil.contract.event;

/**
 * Where a line sits in the call tree of its run (docs/contract.md §5.2): the unit of work it reports on, the unit that
 * contains it, the run it belongs to, and the run's phase. Absent values are "". Readers take the texts as written
 * (the schema's pattern is the validator's business); whoever keeps them bounds their length.
 *
 * @param eventId the unit of work (metadata.event_id; a seed-002 line's event_id, else its id)
 * @param parentId the containing unit (metadata.parent_id; a seed-002 line's parent_id, else parent_operation_id)
 * @param correlationId the run (metadata.correlation_id; a seed-002 line's correlation_id)
 * @param phase the phase of the run (metadata.phase; a seed-002 line's phase)
 * @param operation the operation within the component an execution entry names (metadata.operation; its
 *                  {@code LogEvent.operation} stays the event type, as the one-line form shows it); a seed-002
 *                  line's operation
 */
public record Attribution(String eventId, String parentId, String correlationId, String phase, String operation) {

    /** A line that says nothing about where it sits. */
    public static final Attribution NONE = new Attribution("", "", "", "", "");

    /** The attribution of these texts, {@link #NONE} when all are empty. */
    public static Attribution of(String eventId, String parentId, String correlationId, String phase, String operation) {
        return eventId.isEmpty() && parentId.isEmpty() && correlationId.isEmpty() && phase.isEmpty() && operation.isEmpty() ? NONE
                : new Attribution(eventId, parentId, correlationId, phase, operation);
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }
}
